package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import java.util.List;

/** {@code retort merge REV... -m MSG}: a revision that joins several heads. */
final class MergeCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  MergeCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "merge", "Write a merge revision whose parents are the given revisions (default: heads).");
    spec.addPositional(Args.positional("REV", "Revisions to merge (default: heads).")
        .index("0..*").arity("0..*").required(false).type(List.class).auxiliaryTypes(String.class).build());
    spec.addOption(Args.value("MSG", "What the merge is.", "-m", "--message").required(true).build());
    spec.addOption(Args.value("ID", "The revision id instead of a random one.", "--rev-id").build());
    Args.examples(spec,
        "retort merge heads -m \"merge billing\"", "a merge revision whose parents are all the heads",
        "retort merge 4c1f 7e6d -m \"merge\"", "a merge of these two revisions");
  }

  @Override
  public void run() {
    List<String> revisions = Args.values(Args.positional(spec));
    String message = Args.value(spec, "--message");
    String revId = Args.value(spec, "--rev-id");
    try (Session session = parent.session()) {
      Path file = session.retort().merge(message, revisions.isEmpty() ? List.of("heads") : revisions, revId);
      Path base = session.config().scriptLocation();
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
  }
}
