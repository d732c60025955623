package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after the command's name, as in Alembic. */
record GlobalOptions(Path config, String env, String url, boolean yes, boolean debug) {

  /** Declares them on the top command; subcommands inherit them. */
  static void addTo(CommandSpec top) {
    top.addOption(inherited(Args.value("FILE", "The config file (default: ./retort.toml).", "-c", "--config")
        .type(Path.class)));
    top.addOption(inherited(Args.value("ENV", "The environment in retort.toml (default: $RETORT_ENV, else dev).",
        "-e", "--env")));
    top.addOption(inherited(Args.value("URL", "Use this database instead of the environment's url.", "--url")));
    top.addOption(inherited(OptionSpec.builder("-y", "--yes").type(boolean.class)
        .description("Answer yes to the confirmation of an environment with confirm = true.")));
    top.addOption(inherited(OptionSpec.builder("--debug").type(boolean.class).description("Print stack traces of errors.")));
  }

  private static OptionSpec inherited(OptionSpec.Builder option) {
    return option.scopeType(ScopeType.INHERIT).build();
  }

  /** The values given, wherever on the command line. */
  static GlobalOptions of(CommandSpec top) {
    return new GlobalOptions(Args.value(top, "--config"), Args.value(top, "--env"), Args.value(top, "--url"),
        Args.flag(top, "--yes"), Args.flag(top, "--debug"));
  }
}
