package retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RetortException;
import retort.RevisionInfo;

/** {@code retort history}: the revisions, newest first. */
@Command(mixinStandardHelpOptions = true, name = "history", description = "List the revisions, newest first, marking heads and the current revision.")
final class HistoryCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE", description = "START:END, e.g. base:head, -3:, current:.")
  String range;

  @Option(names = {"-v", "--verbose"}, description = "Show each revision in full.")
  boolean verbose;

  @Option(names = {"-i", "--indicate-current"}, description = "Mark the current revision (the default; it needs the database).")
  boolean indicateCurrent = true;

  @Option(names = "--offline", description = "Do not connect to the database: no current marks.")
  boolean offline;

  @Option(names = "--graph", description = "Draw the revision graph, like git log --graph --oneline.")
  boolean graph;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: one JSON document for scripts.")
  Format format;

  @Override
  public void run() {
    if (graph && (verbose || format == Format.json)) {
      throw new RetortException(RetortException.Kind.USAGE, "--graph",
          "--graph draws one line per revision and cannot be combined with " + (verbose ? "-v" : "--format json"),
          "leave out " + (verbose ? "-v" : "--format json") + ", or --graph");
    }
    try (Session session = parent.session()) {
      List<RevisionInfo> history;
      boolean currentKnown = !offline;
      if (offline) {
        history = session.retort().history(range, false);
      } else {
        try {
          history = session.retort().history(range, true);
        } catch (RetortException e) {
          if (e.kind() != RetortException.Kind.ERROR || (range != null && range.contains("current"))) {
            throw e;
          }
          parent.console.info("warning: " + e.getMessage() + "; listing without the current revision");
          history = session.retort().history(range, false);
          currentKnown = false;
        }
      }
      if (format == Format.json) {
        JsonOutput.print(parent.console.out(), JsonOutput.revisions(history, currentKnown));
      } else if (graph) {
        parent.console.out().print(Render.graph(history));
      } else {
        for (RevisionInfo r : history) {
          parent.console.out().println(verbose ? Render.verbose(r) : Render.line(r));
        }
      }
    }
  }
}
