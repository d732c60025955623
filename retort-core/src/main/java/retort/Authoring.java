package retort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import retort.graph.GraphException;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.RevisionGraph;
import retort.script.RevisionWriter;
import retort.script.ScriptDirectory;

/** Writing files: a new migration environment, a new revision, a merge revision. */
final class Authoring {

  private final ScriptDirectory dir;

  Authoring(ScriptDirectory dir) {
    this.dir = dir;
  }

  /**
   * Writes a new migration file parented on {@code head} (the single head when null; {@code base}
   * starts a new base), and returns its path.
   */

  /** Writes a merge revision whose parents are the revisions the targets name (e.g. {@code heads}). */
  Path merge(String message, List<String> revisions, String revId) {
    List<String> parents = new ArrayList<>();
    try {
      Planner planner = new Planner(dir.graph());
      for (String r : revisions) {
        for (Revision found : planner.resolve(List.of(), r)) {
          if (!parents.contains(found.id())) {
            parents.add(found.id());
          }
        }
      }
    } catch (GraphException e) {
      throw Errors.of(e);
    }
    if (parents.size() < 2) {
      throw new RetortException(RetortException.Kind.USAGE, null, "a merge needs two or more revisions, got "
          + (parents.isEmpty() ? "none" : String.join(", ", parents)), "name the heads to merge, or use `heads`");
    }
    return write(message, parents, revId, List.of(), List.of());
  }

  Path revision(String message, String head, String revId, List<String> branchLabels, List<String> dependsOn) {
    RevisionGraph graph = dir.graph();
    List<String> parents;
    try {
      if (head != null && head.equals("base")) {
        parents = List.of();
      } else if (head == null || head.equals("head")) {
        if (graph.heads().size() > 1) {
          throw new RetortException(RetortException.Kind.USAGE, null,
              "there are several heads: " + Listings.ids(graph.heads()),
              "pass --head REV to choose the parent, or merge the heads first");
        }
        parents = graph.heads().isEmpty() ? List.of() : List.of(graph.heads().get(0).id());
      } else {
        parents = Listings.ids(new Planner(graph).resolve(List.of(), head));
      }
      for (String d : dependsOn) {
        graph.resolve(d);
      }
    } catch (GraphException e) {
      throw Errors.of(e);
    }
    return write(message, parents, revId, branchLabels, dependsOn);
  }

  private Path write(String message, List<String> parents, String revId,
      List<String> branchLabels, List<String> dependsOn) {
    RevisionGraph graph = dir.graph();
    String id = revId == null ? RevisionWriter.newId() : revId;
    if (!id.matches("[A-Za-z0-9_]{1,32}")) {
      throw new RetortException(RetortException.Kind.USAGE, "--rev-id", "'" + id + "' is not a valid revision id",
          "use 1 to 32 letters, digits or underscores");
    }
    if (graph.get(id).isPresent()) {
      throw new RetortException(RetortException.Kind.USAGE, "--rev-id", "revision " + id + " already exists in "
          + dir.script(id).name(), "choose another id, or leave --rev-id out for a random one");
    }
    try {
      return RevisionWriter.write(dir.location(), id, parents, message,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), branchLabels, dependsOn);
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, dir.location().toString(),
          "cannot write the new migration: " + e.getMessage(), "check that the versions directory is writable");
    }
  }

  /** Creates a new migration environment in {@code dir}: retort.toml, migrations/versions, the template. */
  static Path init(Path dir) {
    Path migrations = dir.resolve("migrations");
    Path toml = dir.resolve("retort.toml");
    if (Files.exists(toml) || Files.exists(migrations.resolve(ScriptDirectory.VERSIONS))) {
      throw new RetortException(RetortException.Kind.USAGE, dir.toString(),
          "a migration environment already exists here", "choose an empty or new directory");
    }
    try {
      Files.createDirectories(migrations.resolve(ScriptDirectory.VERSIONS));
      Files.writeString(migrations.resolve(ScriptDirectory.TEMPLATE), RevisionWriter.defaultTemplate());
      Files.writeString(toml, "script_location = \"migrations\"\n"
          + "version_table = \"retort_version\"\n"
          + "version_table_schema = \"public\"\n\n"
          + "[env.dev]\nurl = \"embedded\"\n\n"
          + "[env.prod]\nurl = \"${DATABASE_URL}\"\nlock_timeout = \"5s\"\nconfirm = true\nallow_downgrade = false\n");
      return dir;
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, dir.toString(), "cannot create the environment: "
          + e.getMessage(), "check that the directory is writable");
    }
  }

}
