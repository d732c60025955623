package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import retort.RetortException;

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
    spec.addOption(Args.flag("Write the SQL that takes the head to the declared schema (schema_location), proven first.",
        "--autogenerate"));
    spec.addOption(Args.value("OLD=NEW", "With --autogenerate: OLD at head is NEW in the schema (a rename, not a drop).",
        "--rename").type(List.class).auxiliaryTypes(String.class).build());
    spec.addOption(Args.flag("With --autogenerate: one plain transactional revision, no concurrent index builds.",
        "--no-lock-safety"));
    spec.addOption(Args.flag("With --autogenerate: say how long each phase took.", "-v", "--verbose"));
    Args.examples(spec,
        "retort revision -m \"add reviews\"", "versions/<id>_add_reviews.sql, parented on the head",
        "retort revision -m \"invoices\" --head base --branch-label billing", "the first revision of a new branch, billing",
        "retort revision --autogenerate -m \"reviews\"", "the SQL from head to the declared schema (schema_location)");
  }

  @Override
  public void run() {
    String message = Args.value(spec, "--message");
    String head = Args.value(spec, "--head");
    String revId = Args.value(spec, "--rev-id");
    List<String> branchLabels = Args.values(Args.value(spec, "--branch-label"));
    List<String> dependsOn = Args.values(Args.value(spec, "--depends-on"));
    try (Session session = parent.session()) {
      if (Args.flag(spec, "--autogenerate")) {
        if (head != null || revId != null || !branchLabels.isEmpty() || !dependsOn.isEmpty()) {
          throw new RetortException(RetortException.Kind.USAGE, "--autogenerate",
              "--head, --rev-id, --branch-label and --depends-on do not go with --autogenerate",
              "autogenerate parents its revisions on the single head; leave those options out");
        }
        AutogenerateCommand.run(parent, session, message, Args.values(Args.value(spec, "--rename")),
            !Args.flag(spec, "--no-lock-safety"), Args.flag(spec, "--verbose"));
        return;
      }
      Path file = session.retort().revision(message, head, revId, branchLabels, dependsOn);
      Path base = session.config().scriptLocation();
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
  }
}
