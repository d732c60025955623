package retort.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import retort.Config;
import retort.DatabaseUrl;
import retort.Environment;
import retort.Retort;
import retort.RetortException;
import retort.cli.TomlConfig;
import retort.embedded.EmbeddedPostgres;

/**
 * What every goal shares: the settings (from {@code retort.toml}, plugin parameters and
 * {@code -Dretort.*} properties, which win), the credentials of a {@code settings.xml} server, and
 * a Retort over the database they name. Passwords never reach the log: URLs print masked.
 */
abstract class AbstractRetortMojo extends AbstractMojo {

  /** The config file, read exactly as the command line reads it; absent is fine when url and location are given. */
  @Parameter(property = "retort.configFile", defaultValue = "${project.basedir}/retort.toml")
  protected File configFile;

  /** The environment of retort.toml to work on. */
  @Parameter(property = "retort.env", defaultValue = "dev")
  protected String environment;

  /** The database, in place of the environment's url (jdbc:postgresql://, postgresql://, or embedded). */
  @Parameter(property = "retort.url")
  protected String url;

  /** The user, in place of the URL's (or of the settings.xml server's). */
  @Parameter(property = "retort.user")
  protected String user;

  /** The password, in place of the URL's; better kept in settings.xml (see serverId). */
  @Parameter(property = "retort.password")
  protected String password;

  /** The settings.xml server whose username and (encrypted) password connect: retort-ENV unless named. */
  @Parameter(property = "retort.serverId")
  protected String serverId;

  /**
   * Where the migrations are, in place of retort.toml's script_location: a directory, or
   * classpath:PATH read from the project's classes and runtime dependencies (after process-classes).
   */
  @Parameter(property = "retort.location")
  protected String location;

  /** The version table, in place of retort.toml's. */
  @Parameter(property = "retort.versionTable")
  protected String versionTable;

  /** The schema of the version and log tables, in place of retort.toml's. */
  @Parameter(property = "retort.versionTableSchema")
  protected String versionTableSchema;

  /** Skip the goal. */
  @Parameter(property = "retort.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Component
  protected SettingsDecrypter decrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("retort: skipped (retort.skip)");
      return;
    }
    try {
      run();
    } catch (RetortException e) {
      throw new MojoFailureException(e.getMessage() + (e.hint() == null ? "" : "\nhint: " + e.hint()));
    } finally {
      if (ownServer != null) {
        ownServer.close();
        ownServer = null;
      }
    }
  }

  /** The embedded server this goal started for itself, stopped when it ends. */
  private EmbeddedPostgres ownServer;

  /** The goal's work. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** The config: retort.toml's environment when the file exists, else the plugin's parameters alone. */
  protected Config config() throws MojoFailureException {
    return config(url);
  }

  /** The config for goals that read the files only: no environment needs to exist. */
  protected Config offlineConfig() throws MojoFailureException {
    return config(url != null ? url : DatabaseUrl.EMBEDDED_KEYWORD);
  }

  private Config config(String url) throws MojoFailureException {
    Path toml = configFile.toPath();
    if (Files.exists(toml)) {
      return TomlConfig.load(toml, environment, url, System.getenv());
    }
    if (location == null) {
      throw new MojoFailureException("no " + toml + " and no location: set <location> (or -Dretort.location),"
          + " e.g. src/main/resources/db/retort, or add a retort.toml");
    }
    Environment env = url == null ? Environment.of(environment, (DatabaseUrl) null) : Environment.of(environment, url);
    return new Config(project.getBasedir().toPath().resolve("."), null, null, env);
  }

  /**
   * A Retort over the config's database. {@code embedded} is the server {@code retort:start} runs,
   * or else a server on {@code .retort/pgdata} beside retort.toml for the length of the goal.
   */
  protected Retort retort(Config config) throws MojoFailureException {
    DatabaseUrl target = config.environment().url();
    if (target == null || target.isEmbedded()) {
      target = embedded();
    }
    target = withCredentials(target).withDefaultPassword(System.getenv("PGPASSWORD"));
    DatabaseUrl connectTo = target;
    Retort retort = Retort.create(config, () -> connectTo.connect("retort-maven-plugin"), connectTo.toString(),
        new MavenListener(getLog()));
    if (location != null) {
      retort = retort.withLocation(resolve(location), projectClassLoader());
    }
    if (versionTable != null) {
      retort = retort.withVersionTable(versionTable);
    }
    if (versionTableSchema != null) {
      retort = retort.withVersionTableSchema(versionTableSchema);
    }
    getLog().info("retort: " + retort.location() + " -> " + connectTo + " (env " + config.environment().name() + ")");
    return retort;
  }

  /** A Retort that reads the migrations only; it must not connect. */
  protected Retort offline(Config config) throws MojoFailureException {
    Retort retort = Retort.create(config, () -> {
      throw new java.sql.SQLException("this goal works without a database", "08001");
    }, "no database", new MavenListener(getLog()));
    return location == null ? retort : retort.withLocation(resolve(location), projectClassLoader());
  }

  /** The server retort:start runs for this project, else one on .retort/pgdata for this goal alone. */
  private DatabaseUrl embedded() {
    EmbeddedPostgres running = EmbeddedServers.running(project);
    if (running != null) {
      return running.url(StartMojo.DATABASE);
    }
    Path stateDir = configFile.toPath().toAbsolutePath().getParent().resolve(".retort");
    getLog().info("retort: starting the embedded PostgreSQL on " + stateDir.resolve("pgdata"));
    ownServer = EmbeddedPostgres.start(stateDir.resolve("pgdata"), 0);
    return ownServer.url("postgres");
  }

  /** A directory location is relative to the project's directory. */
  private String resolve(String where) {
    if (where.startsWith("classpath:")) {
      return where;
    }
    String dir = where.startsWith("filesystem:") ? where.substring("filesystem:".length()) : where;
    return project.getBasedir().toPath().resolve(dir).normalize().toString();
  }

  /** The settings.xml server's username and password, then the user and password parameters. */
  private DatabaseUrl withCredentials(DatabaseUrl target) throws MojoFailureException {
    String id = serverId != null ? serverId : "retort-" + environment;
    Server server = session.getSettings().getServer(id);
    DatabaseUrl result = target;
    if (server != null) {
      SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      if (!decrypted.getProblems().isEmpty()) {
        throw new MojoFailureException("cannot decrypt the password of server " + id + " in settings.xml: "
            + decrypted.getProblems().get(0).getMessage());
      }
      Server s = decrypted.getServer();
      result = result.withCredentials(s.getUsername(), s.getPassword());
      getLog().debug("retort: credentials from settings.xml server " + id);
    } else if (serverId != null) {
      throw new MojoFailureException("no server " + serverId + " in settings.xml (retort.serverId)");
    }
    return user != null || password != null ? result.withCredentials(user, password) : result;
  }

  /** The project's classes and runtime dependencies, for classpath: locations. */
  private ClassLoader projectClassLoader() throws MojoFailureException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(new URL[0]), getClass().getClassLoader());
    } catch (MalformedURLException | org.apache.maven.artifact.DependencyResolutionRequiredException e) {
      throw new MojoFailureException("cannot build the project's class path: " + e.getMessage());
    }
  }
}
