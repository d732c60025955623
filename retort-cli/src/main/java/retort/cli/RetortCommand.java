package retort.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code retort}: the top command, which holds the global options and the subcommands. */
final class RetortCommand implements Runnable, CommandLine.IExecutionStrategy {

  final CommandSpec spec;
  final Console console;
  private final Map<String, String> environment;

  RetortCommand(Console console, Map<String, String> environment) {
    this.console = console;
    this.environment = environment;
    this.spec = Args.command(this, "retort", "Schema migrations for PostgreSQL.").versionProvider(new VersionProvider());
    GlobalOptions.addTo(spec);
    spec.usageMessage().footer("%nExamples:"
        + "%n  retort init billing-db%n      a new migration environment in billing-db/"
        + "%n  retort revision -m \"add reviews\"%n      a new migration file, parented on the head"
        + "%n  retort upgrade head%n      apply it to the dev database"
        + "%n  retort help upgrade%n      the options and examples of one command");
  }

  /** The global options as given. */
  GlobalOptions options() {
    return GlobalOptions.of(spec);
  }

  /** The process environment the command runs in. */
  Map<String, String> environment() {
    return environment;
  }

  /** The config file the options name, read and checked. */
  ConfigFile configFile() {
    return Session.configFile(options(), console, environment);
  }

  /** The config file at {@code path} (null: ./retort.toml), read and checked. */
  ConfigFile configFile(String path) {
    GlobalOptions given = options();
    return Session.configFile(new GlobalOptions(path == null ? null : java.nio.file.Path.of(path), null, null, false,
        given.debug()), console, environment);
  }

  /** A session on one environment of that file. */
  Session session(ConfigFile file, String environmentName) {
    return Session.on(file, environmentName, null, console, environment);
  }

  /** Opens a session for the options given. */
  Session session() {
    return Session.open(options(), console, environment);
  }

  /** The subcommands in the order help lists them. */
  static final List<String> COMMANDS = List.of("init", "revision", "upgrade", "downgrade", "current",
      "history", "heads", "stamp", "merge", "check", "show", "branches", "envs", "validate", "diff", "drift", "log", "dev",
      "completion", "help");

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
      case "log" -> new LogCommand(this).spec;
      case "dev" -> new DevCommand(this).spec;
      case "help" -> new HelpCommand(this).spec;
      case "completion" -> new CompletionCommand(this).spec;
      case "__complete" -> new CompleteCommand(this).spec;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Adds the subcommand that the arguments name, or every subcommand when they name none, an
   * unknown one or {@code help} (help lists them all), or none for
   * {@code --version} alone. Building one command's model instead of fourteen is a good part of a
   * run's start-up.
   */
  void addSubcommands(CommandLine cli, String[] args) {
    String wanted = commandName(spec, args);
    console.command(wanted == null ? "retort" : "retort " + wanted);
    if (wanted == null && (List.of(args).contains("--version") || List.of(args).contains("-V"))) {
      return;                                       // only the version is printed: no command to list
    }
    if (wanted != null && (COMMANDS.contains(wanted) || wanted.equals("__complete")) && !wanted.equals("help")) {
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

  /** The command line of the subcommand {@code name}, added now if the arguments did not name it. */
  CommandLine subcommand(String name) {
    CommandLine cli = spec.commandLine();
    CommandLine sub = cli.getSubcommands().get(name);
    if (sub == null) {
      cli.addSubcommand(name, command(name));
      sub = cli.getSubcommands().get(name);
      sub.setHelpFactory(cli.getHelpFactory());
    }
    return sub;
  }

  @Override
  public void run() {
    spec.commandLine().usage(console.err());
  }

  /** Runs the command that was parsed, once it is clear it was given no global option it ignores. */
  @Override
  public int execute(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed.subcommand();
    if (sub != null) {
      try {
        options().refuseUnused(sub.commandSpec().name());
      } catch (retort.RetortException e) {
        throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), e.getMessage(), e);
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }
}
