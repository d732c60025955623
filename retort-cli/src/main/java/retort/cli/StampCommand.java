package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.MigrationResult;

/** {@code retort stamp REV}: set the version table without running migrations. */
@Command(mixinStandardHelpOptions = true, name = "stamp", description = "Set the version table to REV without running any migration.")
final class StampCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "REV", description = "head, heads, base, a revision or label@head.")
  String target;

  @Option(names = "--purge", description = "Empty the version table first.")
  boolean purge;

  @Option(names = "--update-checksum", description = "Accept an intended edit of the applied revision REV: log its file's checksum, change no version.")
  boolean updateChecksum;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      Policy.confirm(session.config().environment(), parent.options.yes, "stamp " + target, parent.console);
      if (updateChecksum) {
        session.retort().updateChecksum(target);
        parent.console.out().println("Accepted the current checksum of " + target);
        return;
      }
      MigrationResult result = session.retort().stamp(target, purge);
      String at = result.headsAfter().isEmpty() ? "base" : String.join(", ", result.headsAfter());
      parent.console.out().println("Stamped; the database is at " + at);
    }
  }
}
