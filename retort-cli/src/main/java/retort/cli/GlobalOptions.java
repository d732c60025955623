package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after the command's name, as in Alembic. */
final class GlobalOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The config file (default: ./retort.toml).")
  Path config;

  @Option(names = {"-e", "--env"}, paramLabel = "ENV", scope = ScopeType.INHERIT,
      description = "The environment in retort.toml (default: $RETORT_ENV, else dev).")
  String env;

  @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Use this database instead of the environment's url.")
  String url;

  @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
      description = "Answer yes to the confirmation of an environment with confirm = true.")
  boolean yes;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean debug;
}
