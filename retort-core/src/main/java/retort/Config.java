package retort;

import java.nio.file.Path;

/**
 * What Retort needs to run: where the migration scripts are, which table records the version, and
 * the environment picked for this run.
 *
 * @param scriptLocation the directory holding {@code versions/} and {@code script.sql.tmpl}
 * @param versionTable the version table's name, {@code retort_version} by default; {@code alembic_version}
 *     adopts a database that Alembic manages
 * @param versionTableSchema the schema of the version and log tables, {@code public} by default
 * @param cacheFile where parsed migration files are kept between runs, or null for no cache
 */
public record Config(Path scriptLocation, String versionTable, String versionTableSchema, Environment environment,
    Path cacheFile) {

  public static final String DEFAULT_VERSION_TABLE = "retort_version";
  public static final String DEFAULT_SCHEMA = "public";

  public Config {
    versionTable = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable;
    versionTableSchema = versionTableSchema == null || versionTableSchema.isBlank() ? DEFAULT_SCHEMA : versionTableSchema;
  }

  /** A config without a cache of parsed migration files. */
  public Config(Path scriptLocation, String versionTable, String versionTableSchema, Environment environment) {
    this(scriptLocation, versionTable, versionTableSchema, environment, null);
  }

  /**
   * The same config, keeping the parsed migration files in this file between runs (null: none), so
   * that unchanged files are not read and lexed again.
   */
  public Config withCacheFile(Path file) {
    return new Config(scriptLocation, versionTable, versionTableSchema, environment, file);
  }

  /** The same config for another environment. */
  public Config withEnvironment(Environment env) {
    return new Config(scriptLocation, versionTable, versionTableSchema, env, cacheFile);
  }

  /** The table actually used: the environment's override, else the config's. */
  String effectiveVersionTable() {
    return environment != null && environment.versionTable() != null ? environment.versionTable() : versionTable;
  }

  String effectiveSchema() {
    return environment != null && environment.versionTableSchema() != null
        ? environment.versionTableSchema() : versionTableSchema;
  }
}
