package retort.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import retort.RevisionInfo;

/** {@code retort branches}: the branch points and the revisions that follow each. */
@Command(mixinStandardHelpOptions = true, name = "branches", description = "Show the branch points of the revision graph.")
final class BranchesCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: one JSON document, each branch point with its next_revisions.")
  Format format;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      List<RevisionInfo> branches = session.retort().branches();
      Map<String, List<RevisionInfo>> children = new LinkedHashMap<>();
      for (RevisionInfo r : branches) {
        children.put(r.revision(), session.retort().children(r.revision()));
      }
      if (format == Format.json) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        children.forEach((id, list) -> {
          List<String> ids = new ArrayList<>();
          list.forEach(c -> ids.add(c.revision()));
          next.put(id, ids);
        });
        JsonOutput.print(parent.console.out(), JsonOutput.revisions(branches, false, next));
        return;
      }
      for (RevisionInfo r : branches) {
        parent.console.out().println(Render.line(r));
        for (RevisionInfo child : children.get(r.revision())) {
          parent.console.out().println("  -> " + Render.id(child) + ", " + child.message());
        }
      }
    }
  }
}
