package retort.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import retort.RetortException;

/** The entry point: {@link #run} is a plain function from arguments to an exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // picocli features Retort does not use, whose set-up every run would pay: Groovy closures (a class
    // looked up on the whole class path) and converters to java.time types (reflection on each)
    System.setProperty("picocli.disable.closures", "true");
    System.setProperty("picocli.converters.excludes", "java\\.time\\..*");
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command with these streams and returns its exit code; never calls System.exit. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /** Runs one command with these streams and this process environment (for ${VAR}, RETORT_ENV, PGPASSWORD). */
  static int run(String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> environment) {
    return run(args, new Console(out, err), environment);
  }

  /** Runs one command on this console (whose input answers a confirmation) and process environment. */
  static int run(String[] args, Console console, java.util.Map<String, String> environment) {
    PrintStream out = console.out();
    PrintStream err = console.err();
    RetortCommand top = new RetortCommand(console, java.util.Map.copyOf(environment));
    CommandLine cli = new CommandLine(top.spec);
    String[] normalized = normalize(args);
    top.addSubcommands(cli, normalized);
    cli.setHelpFactory(UsageHelp.FACTORY);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionStrategy(top);
    cli.setParameterExceptionHandler((e, a) -> {
      String unknown = unknown(e);
      CommandLine where = e.getCommandLine();
      if ("install".equals(unknown) && where.getCommandSpec() == top.spec) {
        err.println("error: `install` is a command of the launcher, not of the jar");
        err.println("hint: run `./retort install [DIR]` in the checkout, or `bin/retort install [DIR]` in the distribution");
        return ExitCode.USAGE;
      }
      if (unknown != null && !unknown.startsWith("-") && where.getCommandSpec() == top.spec) {
        err.println("error: unknown command '" + unknown + "'");
        String near = Suggest.closest(unknown, RetortCommand.COMMANDS);
        err.println("hint: " + (near == null ? "" : "did you mean `retort " + near + "`? ") + "`retort help` lists the commands");
        return ExitCode.USAGE;
      }
      err.println("error: " + (unknown != null && unknown.startsWith("-") ? "unknown option '" + unknown + "'" : e.getMessage()));
      String near = unknown != null && unknown.startsWith("-") ? Suggest.closest(unknown.replaceFirst("=.*", ""), optionNames(where)) : null;
      err.println("hint: " + (near == null ? "" : "did you mean `" + near + "`? ") + "see `" + commandName(where) + " --help`");
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof RetortException r) {
        console.error(r, top.options());
        if (console.debug()) {
          r.printStackTrace(err);
        }
        return ExitCode.of(r.kind());
      }
      err.println("error: unexpected " + e);
      e.printStackTrace(err);
      return ExitCode.ERROR;
    });
    return cli.execute(normalized);
  }

  /**
   * The arguments with {@code --sql=RANGE} split in two, so that a range may start with a minus
   * ({@code --sql=-1:head}); picocli would read the value as the flag's true or false.
   */
  private static String[] normalize(String[] args) {
    List<String> out = new ArrayList<>(args.length + 1);
    for (String arg : args) {
      if (arg.startsWith("--sql=") && !arg.equals("--sql=true") && !arg.equals("--sql=false")) {
        out.add("--sql");
        out.add(arg.substring("--sql=".length()));
      } else {
        out.add(arg);
      }
    }
    return out.toArray(new String[0]);
  }

  /** The first argument picocli could not place, or null. */
  private static String unknown(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return u.getUnmatched().get(0);
    }
    return null;
  }

  private static List<String> optionNames(CommandLine c) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : c.getCommandSpec().options()) {
      names.addAll(List.of(o.names()));
    }
    return names;
  }

  private static String commandName(CommandLine c) {
    return c.getCommandSpec().qualifiedName(" ");
  }
}
