package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.MigrationResult;

/** {@code retort downgrade TARGET}: undo the migrations above the target. */
@Command(mixinStandardHelpOptions = true, name = "downgrade", description = "Undo applied migrations down to TARGET.")
final class DowngradeCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Mixin RunModeOptions mode = new RunModeOptions();

  @Parameters(paramLabel = "TARGET", description = "-1, -N, a revision, REV-N, or base.")
  String target;

  @Option(names = "--allow-downgrade", description = "Downgrade even where allow_downgrade = false.")
  boolean allowDowngrade;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      if (mode.sql) {
        parent.console.out().print(session.retort().offlineSql("downgrade", target));
        return;
      }
      Policy.allowDowngrade(session.config().environment(), allowDowngrade);
      Policy.confirm(session.config().environment(), parent.options.yes, "downgrade to " + target, parent.console);
      MigrationResult result = session.retort().withSingleTransaction(mode.singleTransaction).downgrade(target);
      Report.print(parent.console, result, "downgrade");
    }
  }
}
