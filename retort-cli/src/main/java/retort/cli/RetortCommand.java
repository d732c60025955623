package retort.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code retort}: the top command, which holds the global options and the subcommands. */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Schema migrations for PostgreSQL.",
    subcommands = {
      InitCommand.class,
      RevisionCommand.class,
      UpgradeCommand.class,
      DowngradeCommand.class,
      CurrentCommand.class,
      HistoryCommand.class,
      HeadsCommand.class,
      StampCommand.class,
      MergeCommand.class,
      CheckCommand.class,
      ShowCommand.class,
      BranchesCommand.class,
      EnvsCommand.class,
      ValidateCommand.class
    })
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

  @Override
  public void run() {
    spec.commandLine().usage(console.err());
  }
}
