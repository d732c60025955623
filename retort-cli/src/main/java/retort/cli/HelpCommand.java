package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import retort.RetortException;

/** {@code retort help [COMMAND]}: the help of one command, or of retort. */
final class HelpCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  HelpCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "help", "Show the help of a command: its options and examples.");
    spec.addPositional(Args.positional("COMMAND", "The command, e.g. upgrade (none: retort's own help).")
        .arity("0..1").required(false).build());
    Args.examples(spec,
        "retort help upgrade", "what upgrade takes, with examples (the same as retort upgrade --help)",
        "retort help", "every command, and the global options");
  }

  @Override
  public void run() {
    String name = Args.positional(spec);
    if (name == null) {
      for (String command : RetortCommand.COMMANDS) {
        parent.subcommand(command);
      }
      parent.spec.commandLine().usage(parent.console.out());
      return;
    }
    if (!RetortCommand.COMMANDS.contains(name)) {
      String near = Suggest.closest(name, RetortCommand.COMMANDS);
      throw new RetortException(RetortException.Kind.USAGE, null, "unknown command '" + name + "'",
          (near == null ? "" : "did you mean `retort help " + near + "`? ") + "`retort help` lists the commands");
    }
    parent.subcommand(name).usage(parent.console.out());
  }
}
