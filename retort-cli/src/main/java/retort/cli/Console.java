package retort.cli;

import java.io.PrintStream;
import retort.RetortException;

/** Where commands write: results to standard output, progress and errors to standard error. */
final class Console {

  private final PrintStream out;
  private final PrintStream err;
  private boolean debug;

  Console(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
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
    err.println("error: " + e.describe());
    if (e.hint() != null && !e.hint().isEmpty()) {
      err.println("hint: " + e.hint());
    }
  }
}
