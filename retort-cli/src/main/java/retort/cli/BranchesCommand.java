package retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort branches}: the branch points and the revisions that follow each. */
@Command(name = "branches", description = "Show the branch points of the revision graph.")
final class BranchesCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      for (RevisionInfo r : session.retort().branches()) {
        parent.console.out().println(Render.line(r));
        for (RevisionInfo child : session.retort().children(r.revision())) {
          parent.console.out().println("  -> " + Render.id(child) + ", " + child.message());
        }
      }
    }
  }
}
