package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import retort.RetortException;
import retort.StepSummary;

/** {@code retort check}: fail when the database is not at its heads. */
final class CheckCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  CheckCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "check", "Exit 1 when migrations are pending, 4 when an applied migration changed or a run stopped part way, 0 when the database is at head.");
    Args.examples(spec,
        "retort check", "exit 0 when dev is at head, 1 naming what is pending",
        "retort -e staging check", "the same for staging, e.g. in a deploy gate");
  }

  @Override
  public void run() {
    try (Session session = parent.session()) {
      session.retort().verify();
      List<StepSummary> pending = session.retort().pending();
      if (!pending.isEmpty()) {
        StringBuilder ids = new StringBuilder();
        for (StepSummary s : pending) {
          ids.append(ids.length() == 0 ? "" : ", ").append(s.revision());
        }
        throw new RetortException(RetortException.Kind.ERROR, null,
            pending.size() + " migration" + (pending.size() == 1 ? " is" : "s are") + " pending: " + ids,
            "run `retort upgrade head`");
      }
      parent.console.out().println("The database is at head: nothing is pending");
    }
  }
}
