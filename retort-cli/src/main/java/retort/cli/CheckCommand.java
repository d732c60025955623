package retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import retort.RetortException;
import retort.StepSummary;

/** {@code retort check}: fail when the database is not at its heads. */
@Command(mixinStandardHelpOptions = true, name = "check", description = "Exit 1 when migrations are pending, 0 when the database is at head.")
final class CheckCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Override
  public void run() {
    try (Session session = parent.session()) {
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
