package retort.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import retort.embedded.EmbeddedPostgres;

/** Stops the embedded PostgreSQL that {@code retort:start} started; its data is removed. */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractRetortMojo {

  @Override
  protected void run() {
    EmbeddedPostgres server = EmbeddedServers.stopped(project);
    if (server == null) {
      getLog().info("retort: no embedded PostgreSQL to stop");
      return;
    }
    server.close();
    getLog().info("retort: embedded PostgreSQL stopped");
  }
}
