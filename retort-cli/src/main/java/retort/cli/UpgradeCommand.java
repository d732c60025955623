package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.MigrationResult;

/** {@code retort upgrade [TARGET]}: apply the migrations the target needs. */
@Command(name = "upgrade", description = "Apply pending migrations up to TARGET (default head).")
final class UpgradeCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "TARGET", defaultValue = "head",
      description = "head, heads, a revision, label@head, +N, REV+N (default: head).")
  String target;

  @Option(names = "--resume", description = "Continue a non-transactional migration after its last completed statement.")
  boolean resume;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      MigrationResult result = session.retort().upgrade(target, resume);
      Report.print(parent.console, result, "upgrade");
    }
  }
}
