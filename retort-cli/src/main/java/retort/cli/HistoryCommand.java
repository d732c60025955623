package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import retort.RetortException;
import retort.RevisionInfo;

/** {@code retort history}: the revisions, newest first. */
final class HistoryCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  HistoryCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "history", "List the revisions, newest first, marking heads and the current revision.");
    spec.addOption(Args.value("RANGE", "START:END, e.g. base:head, -3:, current:.", "-r", "--rev-range").build());
    spec.addOption(Args.flag("Show each revision in full.", "-v", "--verbose"));
    spec.addOption(Args.flag("Mark the current revision (the default; it needs the database).", "-i", "--indicate-current"));
    spec.addOption(Args.flag("Do not connect to the database: no current marks.", "--offline"));
    spec.addOption(Args.flag("Draw the revision graph, like git log --graph --oneline.", "--graph"));
    spec.addOption(Args.format("one JSON document for scripts."));
    Args.examples(spec,
        "retort history -r -3:", "the last three revisions and the ones after them",
        "retort history --graph", "the revision graph, branches and merges drawn",
        "retort history --offline --format json", "every revision as JSON, without connecting");
  }

  @Override
  public void run() {
    String range = Args.value(spec, "--rev-range");
    boolean verbose = Args.flag(spec, "--verbose");
    boolean offline = Args.flag(spec, "--offline");
    boolean graph = Args.flag(spec, "--graph");
    Format format = Args.format(spec);
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
      if (verbose && currentKnown) {
        java.util.Optional<retort.LockHolder> run = session.retort().runInProgress();
        if (run.isPresent()) {
          parent.console.info(Render.runInProgress(run.get()));
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
