package retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort current}: the revisions the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      List<RevisionInfo> current = session.retort().current();
      if (current.isEmpty()) {
        parent.console.info("The database is at base: no migration is applied");
      }
      for (RevisionInfo r : current) {
        parent.console.out().println(verbose ? Render.verbose(r) : Render.idWithoutCurrent(r));
      }
    }
  }
}
