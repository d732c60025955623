package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort heads}: the revisions nothing follows yet. */
@Command(name = "heads", description = "Show the heads of the revision graph.")
final class HeadsCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-v", "--verbose"}, description = "Show each head in full.")
  boolean verbose;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      for (RevisionInfo r : session.retort().heads()) {
        parent.console.out().println(verbose ? Render.verbose(r) : Render.id(r));
      }
    }
  }
}
