package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import retort.MigrationResult;

/** {@code retort stamp REV}: set the version table without running migrations. */
final class StampCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  StampCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "stamp", "Set the version table to REV without running any migration.");
    spec.addPositional(Args.positional("REV", "head, heads, base, a revision or label@head.").build());
    spec.addOption(Args.flag("Empty the version table first.", "--purge"));
    spec.addOption(Args.flag("Accept an intended edit of the applied revision REV: log its file's checksum, change no version.",
        "--update-checksum"));
    spec.addOption(Args.flag("Stamp even where allow_downgrade = false when it empties the version table or moves it back.",
        "--allow-downgrade"));
    Args.examples(spec,
        "retort stamp head", "adopt a database whose schema was built by hand",
        "retort stamp --update-checksum 4c1f", "accept an intended edit of the applied migration 4c1f",
        "retort stamp base --purge", "empty the version table (refused where allow_downgrade = false)");
  }

  @Override
  public void run() {
    String target = Args.positional(spec);
    boolean purge = Args.flag(spec, "--purge");
    boolean updateChecksum = Args.flag(spec, "--update-checksum");
    try (Session session = parent.session()) {
      if (!updateChecksum) {
        Policy.allowStamp(session, target, purge, Args.flag(spec, "--allow-downgrade"));
      }
      if (Policy.asks(session, parent.options().yes())) {
        Policy.confirm(session, false, "stamp " + target + (purge ? " --purge" : ""),
            java.util.List.of(Policy.at(session.retort().current()), "to: " + target), parent.console);
      }
      if (updateChecksum) {
        session.retort().updateChecksum(target);
        parent.console.out().println("Accepted the current checksum of " + target);
        return;
      }
      MigrationResult result = session.retort().stamp(target, purge);
      String at = result.headsAfter().isEmpty() ? "base" : String.join(", ", result.headsAfter());
      parent.console.out().println("Stamped; the database is at " + at);
    }
  }
}
