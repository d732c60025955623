package retort.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;
import retort.RetortException;

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

  /**
   * Refuses a global option that {@code command} has no use for, rather than ignoring it: {@code envs
   * --url} would otherwise look as if it had shown that database.
   */
  void refuseUnused(String command) {
    boolean connects = !List.of("init", "envs", "dev", "heads", "show", "branches", "merge", "completion", "help",
        "__complete").contains(command);
    boolean changes = List.of("upgrade", "downgrade", "stamp").contains(command) || !known(command);
    refuse(config != null && command.equals("init"), command, "-c",
        "init writes a new retort.toml in DIR and reads none");
    refuse(env != null && List.of("init", "envs", "dev").contains(command), command, "-e",
        command.equals("envs") ? "it shows every environment of the config file" : "it uses no environment");
    refuse(url != null && !connects, command, "--url",
        command.equals("envs") ? "it shows every environment's own url" : "it does not connect to a database");
    refuse(yes && !changes, command, "--yes", "it changes no database, so it asks for no confirmation");
  }

  private static boolean known(String command) {
    return RetortCommand.COMMANDS.contains(command) || command.equals("__complete");
  }

  private static void refuse(boolean given, String command, String option, String why) {
    if (given) {
      throw new RetortException(RetortException.Kind.USAGE, option, "`retort " + command + "` does not use " + option
          + ": " + why, "leave out " + option);
    }
  }

  /**
   * The hint with these options put into each {@code `retort …`} command it suggests, so that
   * following it acts on the same config, environment and database: {@code -e prod check} must not
   * suggest a plain {@code retort upgrade head}, which would upgrade dev. A URL shows masked.
   */
  String applyTo(String hint) {
    Matcher m = Pattern.compile("`retort ([^`]*)`").matcher(hint);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String rest = m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement("`retort " + String.join("", options(rest)) + rest + "`"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private List<String> options(String command) {
    List<String> out = new ArrayList<>();
    if (command.startsWith("init") || command.startsWith("help") || command.startsWith("completion")) {
      return out;
    }
    boolean otherEnv = command.matches("(.* )?(-e|--env)[ =].*");
    if (config != null && !command.matches("(.* )?(-c|--config)[ =].*")) {
      out.add("-c " + quoted(config.toString()) + " ");
    }
    if (env != null && !otherEnv) {
      out.add("-e " + quoted(env) + " ");
    }
    if (url != null && !otherEnv && !command.contains("--url")) {
      out.add("--url " + quoted(masked(url)) + " ");
    }
    return out;
  }

  private static String masked(String url) {
    try {
      return retort.DatabaseUrl.parse(url).toString();
    } catch (RetortException e) {
      return "URL";
    }
  }

  private static String quoted(String s) {
    return s.matches("[A-Za-z0-9_./:@+=,%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
