package retort.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
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
    Console console = new Console(out, err);
    RetortCommand top = new RetortCommand(console, java.util.Map.copyOf(environment));
    CommandLine cli = new CommandLine(top.spec);
    top.addSubcommands(cli, args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + e.getMessage());
      err.println("hint: see `" + commandName(e.getCommandLine()) + " --help`");
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof RetortException r) {
        console.error(r);
        if (console.debug()) {
          r.printStackTrace(err);
        }
        return ExitCode.of(r.kind());
      }
      err.println("error: unexpected " + e);
      e.printStackTrace(err);
      return ExitCode.ERROR;
    });
    return cli.execute(args);
  }

  private static String commandName(CommandLine c) {
    return c.getCommandSpec().qualifiedName(" ");
  }
}
