package retort.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import retort.RetortException;

/** Where commands write: results to standard output, progress and errors to standard error. */
final class Console {

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private Boolean interactive;
  private BufferedReader answers;
  private boolean debug;
  private String command = "retort";

  Console(PrintStream out, PrintStream err) {
    this(System.in, null, out, err);
  }

  /**
   * A console that reads answers from {@code in}, and may ask only when {@code interactive} (a
   * terminal; null: whether this process has one, found out when first asked).
   */
  Console(InputStream in, Boolean interactive, PrintStream out, PrintStream err) {
    this.in = in;
    this.interactive = interactive;
    this.out = out;
    this.err = err;
  }

  /** Whether someone can answer a question: standard input and output are a terminal. */
  boolean interactive() {
    if (interactive == null) {
      interactive = System.console() != null;
    }
    return interactive;
  }

  /** One line typed in answer, or null at the end of input. */
  String readLine() throws IOException {
    if (answers == null) {
      answers = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return answers.readLine();
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** The command being run, without its options, e.g. {@code retort upgrade}: how other commands name it. */
  String command() {
    return command;
  }

  void command(String name) {
    command = name;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    debug = on;
  }

  void info(String line) {
    err.println(line);
  }

  void error(RetortException e) {
    error(e, null);
  }

  /** The error and its hint, whose {@code `retort …`} commands repeat the global options in force. */
  void error(RetortException e, GlobalOptions inForce) {
    err.println("error: " + e.describe());
    if (e.hint() != null && !e.hint().isEmpty()) {
      err.println("hint: " + (inForce == null ? e.hint() : inForce.applyTo(e.hint())));
    }
  }
}
