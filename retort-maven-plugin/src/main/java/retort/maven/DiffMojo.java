package retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.DatabaseUrl;
import retort.Retort;
import retort.SchemaDiff;
import retort.SchemaSource;
import retort.ScratchServer;
import retort.cli.TomlConfig;
import retort.embedded.EmbeddedPostgres;

/**
 * {@code mvn retort:diff}: the declared schema and the migrations agree, or the build fails with the
 * SQL that takes the head to the declared schema (the CI gate of {@code retort diff}). Both sides are
 * built on a scratch server, never on the project's database: {@code scratch_url} when retort.toml
 * names one, else a throw-away embedded PostgreSQL started for the goal.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DiffMojo extends AbstractRetortMojo {

  /** The folder of the declared schema, in place of retort.toml's schema_location (default: schema). */
  @Parameter(property = "retort.schemaLocation")
  protected File schemaLocation;

  /** Where to start: head, schema, or a revision. */
  @Parameter(property = "retort.from", defaultValue = "head")
  protected String from;

  /** Where to go: head, schema, or a revision. */
  @Parameter(property = "retort.to", defaultValue = "schema")
  protected String to;

  @Override
  protected void run() throws MojoFailureException, MojoExecutionException {
    Retort retort = offline(offlineConfig());
    Path declared = declaredSchema();
    String scratchUrl = Files.exists(configFile.toPath()) ? TomlConfig.scratchUrl(configFile.toPath(), System.getenv()) : null;
    if (scratchUrl != null && !scratchUrl.isBlank() && !scratchUrl.strip().equals(DatabaseUrl.EMBEDDED_KEYWORD)) {
      report(retort.diff(server(DatabaseUrl.parse(scratchUrl, "scratch_url")
          .withDefaultPassword(System.getenv("PGPASSWORD"))), side(from, declared), side(to, declared)));
      return;
    }
    Path data = temporaryDirectory();
    try (EmbeddedPostgres scratch = EmbeddedPostgres.start(data.resolve("pgdata"), 0)) {
      report(retort.diff(server(scratch.url("postgres")), side(from, declared), side(to, declared)));
    } finally {
      delete(data);
    }
  }

  private void report(SchemaDiff diff) throws MojoFailureException {
    diff.warnings().forEach(w -> getLog().warn("retort: " + w));
    if (diff.isEmpty()) {
      getLog().info("retort: no difference between " + from + " and " + to);
      return;
    }
    getLog().error("retort: the SQL that takes " + from + " to " + to + ":");
    diff.sql().lines().forEach(getLog()::error);
    throw new MojoFailureException(from + " and " + to + " differ: " + diff.changes().size() + " change"
        + (diff.changes().size() == 1 ? "" : "s") + "\nhint: "
        + (to.equals("schema") ? "write them as a revision: retort revision --autogenerate -m MSG"
            : "the SQL above takes " + from + " to " + to));
  }

  private Path declaredSchema() throws MojoFailureException {
    if (schemaLocation != null) {
      return schemaLocation.toPath();
    }
    Path toml = configFile.toPath();
    return Files.exists(toml) ? TomlConfig.schemaLocation(toml, System.getenv())
        : project.getBasedir().toPath().resolve("schema");
  }

  private static SchemaSource side(String text, Path declared) {
    return switch (text) {
      case "head" -> SchemaSource.head();
      case "schema" -> SchemaSource.declared(declared);
      default -> SchemaSource.revision(text);
    };
  }

  private static ScratchServer server(DatabaseUrl url) {
    return new ScratchServer() {
      @Override
      public Connection admin() throws SQLException {
        return url.connect("retort-maven-plugin");
      }

      @Override
      public Connection open(String database) throws SQLException {
        return url.withDatabase(database).connect("retort-maven-plugin");
      }
    };
  }

  private Path temporaryDirectory() throws MojoExecutionException {
    try {
      Path target = Path.of(project.getBuild().getDirectory());
      Files.createDirectories(target);
      return Files.createTempDirectory(target, "retort-scratch");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot make a directory for the scratch server: " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch directory left under target/ is removed by the next mvn clean
    }
  }
}
