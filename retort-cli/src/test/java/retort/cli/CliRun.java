package retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a user sees of one command: its exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return with(environment(), args);
  }

  /**
   * Where the tests' commands keep the embedded PostgreSQL's binaries (RETORT_HOME): shared by the
   * tests of a build, never the user's own cache.
   */
  static final java.nio.file.Path RETORT_HOME = java.nio.file.Path.of("target", "retort-home").toAbsolutePath();

  /** This process's environment with RETORT_HOME pointing at the tests' own. */
  static java.util.Map<String, String> environment() {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("RETORT_HOME", RETORT_HOME.toString());
    return env;
  }

  /** The command run with this process environment (RETORT_ENV, PGPASSWORD, ${VAR}s, RETORT_HOME). */
  static CliRun with(java.util.Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, environment);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The command run as if on a terminal where the user types {@code input} in answer to its questions. */
  static CliRun answering(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      Console console = new Console(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), true, o, e);
      code = Main.run(args, console, environment());
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The {@code error: …} line, or the empty string. */
  String error() {
    return err.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
  }

  /** The {@code hint: …} line, or the empty string. */
  String hint() {
    return err.lines().filter(l -> l.startsWith("hint: ")).findFirst().orElse("");
  }

  /** Both streams, for messages whose stream does not matter. */
  String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
