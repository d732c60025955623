package retort.cli;

import picocli.CommandLine.Option;

/** How an upgrade or downgrade runs: printed as SQL instead, or in one transaction. */
final class RunModeOptions {

  @Option(names = "--sql", description = "Print the SQL instead of running it; TARGET is [START:]END"
      + " (START:END for a downgrade). No database connection.")
  boolean sql;

  @Option(names = "--single-transaction",
      description = "Run all the migrations in one transaction: all of them commit, or none does.")
  boolean singleTransaction;
}
