package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retort show REV}: one revision in full. */
@Command(name = "show", description = "Show one revision in full.")
final class ShowCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "REV", description = "A revision id or prefix, a label, head.")
  String revision;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      parent.console.out().print(Render.verbose(session.retort().show(revision)));
    }
  }
}
