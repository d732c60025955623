package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import retort.embedded.EmbeddedPostgres;

/**
 * Starts a throw-away embedded PostgreSQL 17 for the integration tests and exports its URL as the
 * project properties {@code retort.embedded.url} (JDBC, user included) and {@code retort.embedded.port}.
 * The other goals' {@code url = "embedded"} then means this server. {@code retort:stop} stops it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractRetortMojo {

  /** The database the exported URL names. */
  static final String DATABASE = "postgres";

  /** The port to listen on; 0 for any free one. */
  @Parameter(property = "retort.port", defaultValue = "0")
  private int port;

  @Override
  protected void run() throws MojoFailureException {
    if (EmbeddedServers.running(project) != null) {
      throw new MojoFailureException("retort:start ran already in this build; retort:stop first");
    }
    EmbeddedPostgres server = EmbeddedPostgres.start(null, port);
    EmbeddedServers.started(project, server);
    String jdbc = server.jdbcUrl(DATABASE);
    project.getProperties().setProperty("retort.embedded.url", jdbc);
    project.getProperties().setProperty("retort.embedded.port", String.valueOf(server.port()));
    getLog().info("retort: embedded PostgreSQL started, retort.embedded.url=" + jdbc);
  }
}
