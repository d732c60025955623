package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.MigrationResult;

/** {@code retort upgrade [TARGET]}: apply the migrations the target needs. */
@Command(mixinStandardHelpOptions = true, name = "upgrade", description = "Apply pending migrations up to TARGET (default head).")
final class UpgradeCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Mixin RunModeOptions mode = new RunModeOptions();

  @Parameters(paramLabel = "TARGET", defaultValue = "head",
      description = "head, heads, a revision, label@head, +N, REV+N (default: head).")
  String target;

  @Option(names = "--resume", description = "Continue a non-transactional migration after its last completed statement.")
  boolean resume;

  @Option(names = "--allow-changed", description = "Run even though an applied migration's file changed since it ran.")
  boolean allowChanged;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      if (mode.sql) {
        parent.console.out().print(session.retort().offlineSql("upgrade", target));
        return;
      }
      Policy.promoted(session, target);
      Policy.confirm(session.config().environment(), parent.options.yes, "upgrade to " + target, parent.console);
      MigrationResult result = session.retort().withSingleTransaction(mode.singleTransaction).upgrade(target, resume, allowChanged);
      Report.print(parent.console, result, "upgrade");
    }
  }
}
