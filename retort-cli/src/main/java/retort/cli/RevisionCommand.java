package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import java.util.List;

/** {@code retort revision -m MSG}: a new migration file parented on the head. */
final class RevisionCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  RevisionCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "revision", "Write a new migration file, parented on the current head.");
    spec.addOption(Args.value("MSG", "What the migration does.", "-m", "--message").required(true).build());
    spec.addOption(Args.value("REV", "The parent: a revision, a label@head, or base for a new base.", "--head").build());
    spec.addOption(Args.value("ID", "The revision id instead of a random one.", "--rev-id").build());
    spec.addOption(Args.value("NAME", "A branch label for the new revision.", "--branch-label")
        .type(List.class).auxiliaryTypes(String.class).build());
    spec.addOption(Args.value("REV", "Revisions this one depends on.", "--depends-on")
        .type(List.class).auxiliaryTypes(String.class).splitRegex(",").build());
    Args.examples(spec,
        "retort revision -m \"add reviews\"", "versions/<id>_add_reviews.sql, parented on the head",
        "retort revision -m \"invoices\" --head base --branch-label billing", "the first revision of a new branch, billing",
        "retort revision -m \"invoice totals\" --head billing@head", "the next revision on that branch");
  }

  @Override
  public void run() {
    String message = Args.value(spec, "--message");
    String head = Args.value(spec, "--head");
    String revId = Args.value(spec, "--rev-id");
    List<String> branchLabels = Args.values(Args.value(spec, "--branch-label"));
    List<String> dependsOn = Args.values(Args.value(spec, "--depends-on"));
    try (Session session = parent.session()) {
      Path file = session.retort().revision(message, head, revId, branchLabels, dependsOn);
      Path base = session.config().scriptLocation();
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
  }
}
