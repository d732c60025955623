package retort.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code retort}: the top command, which holds the global options and the subcommands. */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Schema migrations for PostgreSQL.")
final class RetortCommand implements Runnable {

  @Mixin GlobalOptions options = new GlobalOptions();

  @Spec CommandSpec spec;

  final Console console;
  private final Map<String, String> environment;

  RetortCommand(Console console, Map<String, String> environment) {
    this.console = console;
    this.environment = environment;
  }

  /** Opens a session for the options given. */
  Session session() {
    return Session.open(options, console, environment);
  }

  /** The subcommands in the order help lists them; each is built only when it is needed. */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("init", InitCommand::new);
    m.put("revision", RevisionCommand::new);
    m.put("upgrade", UpgradeCommand::new);
    m.put("downgrade", DowngradeCommand::new);
    m.put("current", CurrentCommand::new);
    m.put("history", HistoryCommand::new);
    m.put("heads", HeadsCommand::new);
    m.put("stamp", StampCommand::new);
    m.put("merge", MergeCommand::new);
    m.put("check", CheckCommand::new);
    m.put("show", ShowCommand::new);
    m.put("branches", BranchesCommand::new);
    m.put("envs", EnvsCommand::new);
    m.put("validate", ValidateCommand::new);
    return m;
  }

  /**
   * Adds the subcommand that the arguments name, or every subcommand when they name none or an
   * unknown one (help lists them all, and picocli suggests the nearest name). Building one command's
   * model instead of fourteen is a good part of a run's start-up.
   */
  static void addSubcommands(CommandLine cli, String[] args) {
    String wanted = commandName(cli.getCommandSpec(), args);
    if (wanted != null && COMMANDS.containsKey(wanted)) {
      cli.addSubcommand(wanted, COMMANDS.get(wanted).get());
    } else {
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
  }

  /** The first argument that is neither an option of the top command nor an option's value. */
  private static String commandName(CommandSpec top, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return i + 1 < args.length ? args[i + 1] : null;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
      OptionSpec option = top.findOption(arg);
      if (option != null && option.arity().max() > 0) {
        i++;                                        // the option's value, as in `-c retort.toml`
      }
    }
    return null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(console.err());
  }
}
