package retort.cli;

import picocli.CommandLine.Model.CommandSpec;

/** How an upgrade or downgrade runs: printed as SQL instead, or in one transaction. */
final class RunModeOptions {

  private RunModeOptions() {}

  static void addTo(CommandSpec spec) {
    spec.addOption(Args.flag("Print the SQL instead of running it; TARGET is [START:]END"
        + " (START:END for a downgrade). No database connection.", "--sql"));
    spec.addOption(Args.flag("Run all the migrations in one transaction: all of them commit, or none does.",
        "--single-transaction"));
  }

  /**
   * An offline upgrade's range, with a start relative to its end: {@code -1:head}
   * is {@code head-1:head}, the last migration. (Alembic has no such start offline: it needs the
   * database's revision.)
   */
  static String range(String range) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d+):(.+)").matcher(range);
    return m.matches() ? m.group(2) + "-" + m.group(1) + ":" + m.group(2) : range;
  }

  static boolean sql(CommandSpec spec) {
    return Args.flag(spec, "--sql");
  }

  static boolean singleTransaction(CommandSpec spec) {
    return Args.flag(spec, "--single-transaction");
  }
}
