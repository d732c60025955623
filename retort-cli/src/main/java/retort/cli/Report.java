package retort.cli;

import retort.MigrationResult;

/** The closing line of an upgrade or downgrade. */
final class Report {

  private Report() {}

  static void print(Console console, MigrationResult result, String verb) {
    String at = result.headsAfter().isEmpty() ? "base" : String.join(", ", result.headsAfter());
    if (result.nothingToDo()) {
      console.out().println("Nothing to " + verb + ": the database is at " + at);
    } else {
      int n = result.steps().size();
      console.out().println((verb.equals("upgrade") ? "Upgraded" : "Downgraded") + " " + n + " revision"
          + (n == 1 ? "" : "s") + "; the database is at " + at);
    }
  }
}
