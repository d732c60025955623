package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import retort.RevisionInfo;

/** {@code retort current}: the revisions the database is at. */
final class CurrentCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  CurrentCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "current", "Show the revision(s) the database is at.");
    spec.addOption(Args.flag("Show each revision in full.", "-v", "--verbose"));
    spec.addOption(Args.format("one JSON document for scripts."));
    Args.examples(spec,
        "retort current", "the revision the dev database is at, e.g. 4c1f0e9a2b7d (head)",
        "retort -e staging current -v", "the revision staging is at, in full",
        "retort current --format json | jq -r '.[].revision'", "the id alone, for a script");
  }

  @Override
  public void run() {
    boolean verbose = Args.flag(spec, "--verbose");
    Format format = Args.format(spec);
    try (Session session = parent.session()) {
      retort.CurrentState state = session.retort().currentState();
      List<RevisionInfo> current = state.revisions();
      if (state.runInProgress().isPresent()) {
        parent.console.info(Render.runInProgress(state.runInProgress().get()));
      }
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
