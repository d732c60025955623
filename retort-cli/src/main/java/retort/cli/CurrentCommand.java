package retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort current}: the revisions the database is at. */
@Command(mixinStandardHelpOptions = true, name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: one JSON document for scripts.")
  Format format;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      List<RevisionInfo> current = session.retort().current();
      if (current.isEmpty()) {
        parent.console.info("The database is at base: no migration is applied");
      }
      if (format == Format.json) {
        JsonOutput.print(parent.console.out(), JsonOutput.revisions(current, true));
        return;
      }
      for (RevisionInfo r : current) {
        parent.console.out().println(verbose ? Render.verbose(Render.withoutCurrent(r)) : Render.idWithoutCurrent(r));
      }
    }
  }
}
