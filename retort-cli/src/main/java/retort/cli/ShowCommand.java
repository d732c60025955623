package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retort show REV}: one revision in full. */
@Command(mixinStandardHelpOptions = true, name = "show", description = "Show one revision in full.")
final class ShowCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "REV", description = "A revision id or prefix, a label, head.")
  String revision;

  @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: a JSON array holding the one revision.")
  Format format;

  @Override
  public void run() {
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
