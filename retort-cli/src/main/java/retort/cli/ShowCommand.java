package retort.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code retort show REV}: one revision in full. */
final class ShowCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  ShowCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "show", "Show one revision in full.");
    spec.addPositional(Args.positional("REV", "A revision id or prefix, a label, head.").build());
    spec.addOption(Args.format("a JSON array holding the one revision."));
    Args.examples(spec,
        "retort show head", "the head revision in full",
        "retort show billing@head --format json", "the head of the billing branch, as JSON");
  }

  @Override
  public void run() {
    String revision = Args.positional(spec);
    Format format = Args.format(spec);
    try (Session session = parent.session()) {
      retort.RevisionInfo r = session.retort().show(revision);
      if (format == Format.json) {
        JsonOutput.print(parent.console.out(), JsonOutput.revisions(java.util.List.of(r), false));
        return;
      }
      parent.console.out().print(Render.verbose(r));
    }
  }
}
