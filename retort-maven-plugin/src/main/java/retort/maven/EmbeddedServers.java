package retort.maven;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import retort.embedded.EmbeddedPostgres;

/** The embedded servers retort:start runs in this build, one per project, until retort:stop. */
final class EmbeddedServers {

  private static final Map<File, EmbeddedPostgres> RUNNING = new HashMap<>();

  private EmbeddedServers() {}

  static synchronized void started(MavenProject project, EmbeddedPostgres server) {
    RUNNING.put(project.getBasedir(), server);
  }

  static synchronized EmbeddedPostgres running(MavenProject project) {
    return RUNNING.get(project.getBasedir());
  }

  static synchronized EmbeddedPostgres stopped(MavenProject project) {
    return RUNNING.remove(project.getBasedir());
  }
}
