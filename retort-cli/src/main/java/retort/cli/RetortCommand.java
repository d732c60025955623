package retort.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code retort}: the top command, which holds the global options and the subcommands. */
final class RetortCommand implements Runnable {

  final CommandSpec spec;
  final Console console;
  private final Map<String, String> environment;

  RetortCommand(Console console, Map<String, String> environment) {
    this.console = console;
    this.environment = environment;
    this.spec = Args.command(this, "retort", "Schema migrations for PostgreSQL.").versionProvider(new VersionProvider());
    GlobalOptions.addTo(spec);
  }

  /** The global options as given. */
  GlobalOptions options() {
    return GlobalOptions.of(spec);
  }

  /** Opens a session for the options given. */
  Session session() {
    return Session.open(options(), console, environment);
  }

  /** The subcommands in the order help lists them. */
  private static final List<String> COMMANDS = List.of("init", "revision", "upgrade", "downgrade", "current",
      "history", "heads", "stamp", "merge", "check", "show", "branches", "envs", "validate", "diff",
      "drift");

  /** A new command object of this name (a switch, not a table of constructor references: no lambda to link at start-up). */
  private CommandSpec command(String name) {
    return switch (name) {
      case "init" -> new InitCommand(this).spec;
      case "revision" -> new RevisionCommand(this).spec;
      case "upgrade" -> new UpgradeCommand(this).spec;
      case "downgrade" -> new DowngradeCommand(this).spec;
      case "current" -> new CurrentCommand(this).spec;
      case "history" -> new HistoryCommand(this).spec;
      case "heads" -> new HeadsCommand(this).spec;
      case "stamp" -> new StampCommand(this).spec;
      case "merge" -> new MergeCommand(this).spec;
      case "check" -> new CheckCommand(this).spec;
      case "show" -> new ShowCommand(this).spec;
      case "branches" -> new BranchesCommand(this).spec;
      case "envs" -> new EnvsCommand(this).spec;
      case "validate" -> new ValidateCommand(this).spec;
      case "diff" -> new DiffCommand(this).spec;
      case "drift" -> new DriftCommand(this).spec;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Adds the subcommand that the arguments name, or every subcommand when they name none or an
   * unknown one (help lists them all, and picocli suggests the nearest name), or none for
   * {@code --version} alone. Building one command's model instead of fourteen is a good part of a
   * run's start-up.
   */
  void addSubcommands(CommandLine cli, String[] args) {
    String wanted = commandName(spec, args);
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
