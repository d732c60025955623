package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.MigrationResult;

/** {@code retort downgrade TARGET}: undo the migrations above the target. */
@Command(name = "downgrade", description = "Undo applied migrations down to TARGET.")
final class DowngradeCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "TARGET", description = "-1, -N, a revision, REV-N, or base.")
  String target;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      MigrationResult result = session.retort().downgrade(target);
      Report.print(parent.console, result, "downgrade");
    }
  }
}
