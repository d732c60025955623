package retort.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.Retort;

/**
 * Records the new migration files in {@code retort.index} beside {@code versions/} (commit it), so
 * that {@code retort:check} fails when one of them is edited later. It never changes a recorded
 * checksum.
 */
@Mojo(name = "index", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class IndexMojo extends AbstractRetortMojo {

  @Override
  protected void run() throws MojoFailureException, MojoExecutionException {
    Retort retort = offline(offlineConfig());
    Path index = CheckMojo.indexOf(retort);
    if (index == null) {
      throw new MojoFailureException("a class path location is read-only: name the source directory with -Dretort.location");
    }
    Map<String, String> files = retort.checksums();
    Ledger ledger = Files.exists(index) ? CheckMojo.read(index) : Ledger.of(Map.of());
    List<String> edited = ledger.edited(files);
    if (!edited.isEmpty()) {
      throw new MojoFailureException(String.join(", ", edited) + " changed since recorded in " + Ledger.FILE
          + "\nhint: put it back and write the change as a new revision");
    }
    List<String> added = ledger.unrecorded(files);
    try {
      ledger.with(files).write(index);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + index + ": " + e.getMessage(), e);
    }
    getLog().info("retort: " + added.size() + " new migration(s) recorded in " + index);
  }
}
