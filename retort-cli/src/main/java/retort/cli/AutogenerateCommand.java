package retort.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import retort.AutogenerateResult;

/**
 * {@code retort revision --autogenerate -m MSG}: writes the revision (or the short chain of revisions)
 * that takes the head to the declared schema, and prints each file written; with nothing to change it
 * says so and writes nothing. What the downgrade cannot restore is said on standard error.
 */
final class AutogenerateCommand {

  private AutogenerateCommand() {}

  static void run(RetortCommand parent, Session session, String message, List<String> renames, boolean lockSafety,
      boolean verbose) {
    AutogenerateResult result = session.retort().autogenerate(session.scratch(), session.schemaLocation(), message,
        renames, lockSafety);
    for (String w : result.warnings()) {
      parent.console.info("warning: " + w);
    }
    if (result.isEmpty()) {
      parent.console.out().println("No changes: the head already matches " + session.schemaLocation());
    }
    Path base = session.config().scriptLocation();
    for (Path file : result.files()) {
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
    if (verbose) {
      StringBuilder line = new StringBuilder("took");
      for (Map.Entry<String, Long> e : result.millis().entrySet()) {
        line.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(" ms");
      }
      parent.console.info(line.toString());
    }
  }
}
