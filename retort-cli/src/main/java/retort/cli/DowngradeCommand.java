package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import retort.MigrationResult;

/** {@code retort downgrade TARGET}: undo the migrations above the target. */
final class DowngradeCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  DowngradeCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "downgrade", "Undo applied migrations down to TARGET.");
    RunModeOptions.addTo(spec);
    Args.targetMayStartWithMinus(spec);
    spec.addPositional(Args.positional("TARGET", "-1, -N, a revision, REV-N, or base.").build());
    spec.addOption(Args.flag("Downgrade even where allow_downgrade = false.", "--allow-downgrade"));
    Args.examples(spec,
        "retort downgrade -1", "undo the last migration",
        "retort downgrade base", "undo every migration",
        "retort -e prod --yes downgrade -1 --allow-downgrade", "undo one on an environment with allow_downgrade = false");
  }

  @Override
  public void run() {
    String target = Args.target(spec);
    boolean allowDowngrade = Args.flag(spec, "--allow-downgrade");
    try (Session session = parent.session()) {
      if (RunModeOptions.sql(spec)) {
        parent.console.out().print(session.retort().offlineSql("downgrade", target));
        return;
      }
      Policy.allowDowngrade(session.config().environment(), allowDowngrade);
      if (Policy.asks(session, parent.options().yes())) {
        java.util.List<retort.StepSummary> undone = session.retort().pendingDowngrade(target);
        if (!undone.isEmpty()) {
          java.util.List<String> details = new java.util.ArrayList<>();
          details.add(Policy.at(session.retort().current()));
          details.add("to undo: " + undone.size() + " migration" + (undone.size() == 1 ? "" : "s"));
          details.addAll(Policy.steps(undone));
          Policy.confirm(session, false, "downgrade to " + target, details, parent.console);
        }
      }
      MigrationResult result = session.retort().withSingleTransaction(RunModeOptions.singleTransaction(spec)).downgrade(target);
      Report.print(parent.console, result, "downgrade");
    }
  }
}
