package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort heads}: the revisions nothing follows yet. */
@Command(mixinStandardHelpOptions = true, name = "heads", description = "Show the heads of the revision graph.")
final class HeadsCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-v", "--verbose"}, description = "Show each head in full.")
  boolean verbose;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: one JSON document for scripts.")
  Format format;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      java.util.List<RevisionInfo> heads = session.retort().heads();
      if (format == Format.json) {
        JsonOutput.print(parent.console.out(), JsonOutput.revisions(heads, false));
        return;
      }
      for (RevisionInfo r : heads) {
        parent.console.out().println(verbose ? Render.verbose(r) : Render.id(r));
      }
    }
  }
}
