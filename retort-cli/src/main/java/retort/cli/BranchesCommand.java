package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import retort.RevisionInfo;

/** {@code retort branches}: the branch points and the revisions that follow each. */
final class BranchesCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  BranchesCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "branches", "Show the branch points of the revision graph.");
    spec.addOption(Args.format("one JSON document, each branch point with its next_revisions."));
    Args.examples(spec,
        "retort branches", "each branch point and the revisions that follow it",
        "retort branches --format json", "the same as JSON");
  }

  @Override
  public void run() {
    Format format = Args.format(spec);
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
