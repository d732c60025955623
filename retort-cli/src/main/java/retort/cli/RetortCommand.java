package retort.cli;

import java.util.List;
import java.util.Map;
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

  /** The subcommands in the order help lists them. */
  private static final List<String> COMMANDS = List.of("init", "revision", "upgrade", "downgrade", "current",
      "history", "heads", "stamp", "merge", "check", "show", "branches", "envs", "validate");

  /** A new command object of this name (a switch, not a table of constructor references: no lambda to link at start-up). */
  private static Object command(String name) {
    return switch (name) {
      case "init" -> new InitCommand();
      case "revision" -> new RevisionCommand();
      case "upgrade" -> new UpgradeCommand();
      case "downgrade" -> new DowngradeCommand();
      case "current" -> new CurrentCommand();
      case "history" -> new HistoryCommand();
      case "heads" -> new HeadsCommand();
      case "stamp" -> new StampCommand();
      case "merge" -> new MergeCommand();
      case "check" -> new CheckCommand();
      case "show" -> new ShowCommand();
      case "branches" -> new BranchesCommand();
      case "envs" -> new EnvsCommand();
      case "validate" -> new ValidateCommand();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Adds the subcommand that the arguments name, or every subcommand when they name none or an
   * unknown one (help lists them all, and picocli suggests the nearest name), or none for
   * {@code --version} alone. Building one command's
   * model instead of fourteen is a good part of a run's start-up.
   */
  static void addSubcommands(CommandLine cli, String[] args) {
    String wanted = commandName(cli.getCommandSpec(), args);
    if (wanted == null && (List.of(args).contains("--version") || List.of(args).contains("-V"))) {
      return;                                       // only the version is printed: no command to list
    }
    if (wanted != null && COMMANDS.contains(wanted)) {
      cli.addSubcommand(wanted, command(wanted));
    } else {
      for (String name : COMMANDS) {
        cli.addSubcommand(name, command(name));
      }
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
