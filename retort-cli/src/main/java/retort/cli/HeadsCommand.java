package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import retort.RevisionInfo;

/** {@code retort heads}: the revisions nothing follows yet. */
final class HeadsCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  HeadsCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "heads", "Show the heads of the revision graph.");
    spec.addOption(Args.flag("Show each head in full.", "-v", "--verbose"));
    spec.addOption(Args.format("one JSON document for scripts."));
    Args.examples(spec,
        "retort heads", "the heads, e.g. 4c1f0e9a2b7d (head)",
        "retort heads -v", "each head in full: parent, path, message");
  }

  @Override
  public void run() {
    boolean verbose = Args.flag(spec, "--verbose");
    Format format = Args.format(spec);
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
