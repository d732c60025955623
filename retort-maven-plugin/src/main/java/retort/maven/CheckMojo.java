package retort.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.Retort;
import retort.RevisionInfo;

/**
 * Checks the migrations without a database, for CI in {@code verify}: every file parses, the graph
 * has one head (two branches merged before they ship), and no migration recorded in
 * {@code retort.index} was edited or removed, and none is missing from it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CheckMojo extends AbstractRetortMojo {

  @Override
  protected void run() throws MojoFailureException, MojoExecutionException {
    Retort retort = offline(offlineConfig());
    List<RevisionInfo> heads = retort.heads();
    if (heads.size() > 1) {
      List<String> named = new ArrayList<>();
      for (RevisionInfo h : heads) {
        named.add(h.revision() + " (" + h.file() + ")");
      }
      throw new MojoFailureException("the migrations have " + heads.size() + " heads: " + String.join(", ", named)
          + "\nhint: merge them before they ship: retort merge heads -m \"merge\"");
    }
    Map<String, String> files = retort.checksums();
    Path index = indexOf(retort);
    if (index == null || !Files.exists(index)) {
      getLog().info("retort: " + files.size() + " migration(s), one head; no " + Ledger.FILE
          + " to check edits against (mvn retort:index writes it)");
      return;
    }
    Ledger ledger = read(index);
    List<String> problems = new ArrayList<>();
    ledger.edited(files).forEach(f -> problems.add(f + ": changed since it was recorded in " + Ledger.FILE));
    ledger.missing(files).forEach(f -> problems.add(f + ": recorded in " + Ledger.FILE + " but gone"));
    ledger.unrecorded(files).forEach(f -> problems.add(f + ": not recorded in " + Ledger.FILE + " yet"));
    if (!problems.isEmpty()) {
      throw new MojoFailureException(String.join("\n", problems)
          + "\nhint: a shipped migration must not change: put it back and write the change as a new revision;"
          + " mvn retort:index records new files");
    }
    getLog().info("retort: " + files.size() + " migration(s), one head, as recorded in " + index);
  }

  /** retort.index beside versions/ of a directory location; none for a class path location. */
  static Path indexOf(Retort retort) {
    String where = retort.location();
    return where.startsWith("classpath:") ? null : Path.of(where).resolve(Ledger.FILE);
  }

  static Ledger read(Path index) throws MojoExecutionException {
    try {
      return Ledger.read(index);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + index + ": " + e.getMessage(), e);
    }
  }
}
