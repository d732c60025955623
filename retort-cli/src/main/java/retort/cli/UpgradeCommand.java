package retort.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import retort.StepSummary;
import retort.MigrationResult;

/** {@code retort upgrade [TARGET]}: apply the migrations the target needs. */
final class UpgradeCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  UpgradeCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "upgrade", "Apply pending migrations up to TARGET (default head).");
    RunModeOptions.addTo(spec);
    Args.targetMayStartWithMinus(spec);
    spec.addPositional(Args.positional("TARGET", "head, heads, a revision, label@head, +N, REV+N (default: head).")
        .defaultValue("head").arity("0..1").required(false).build());
    spec.addOption(Args.flag("Continue a non-transactional migration after its last completed statement.", "--resume"));
    spec.addOption(Args.flag("Run even though an applied migration's file changed since it ran.", "--allow-changed"));
    spec.addOption(Args.value("REASON", "Skip the promote_from check (e.g. staging out of reach from prod's deployer);"
        + " REASON is written to retort_log with each step.", "--skip-promotion-check").build());
    Args.examples(spec,
        "retort upgrade", "apply every pending migration (the target is head)",
        "retort upgrade +1", "apply the next migration only",
        "retort upgrade --sql -1:head > up.sql", "the SQL of the last migration, without connecting");
  }

  @Override
  public void run() {
    String target = Args.target(spec);
    boolean resume = Args.flag(spec, "--resume");
    boolean allowChanged = Args.flag(spec, "--allow-changed");
    try (Session session = parent.session()) {
      if (RunModeOptions.sql(spec)) {
        parent.console.out().print(session.retort().offlineSql("upgrade", RunModeOptions.range(target)));
        return;
      }
      String skip = Args.value(spec, "--skip-promotion-check");
      retort.Retort retort = Policy.skipPromotion(session, skip, parent.console);
      boolean asks = Policy.asks(session, parent.options().yes());
      boolean promoted = session.config().environment().promoteFrom() != null && skip == null;
      if (asks || promoted) {
        List<StepSummary> pending = session.retort().pending(target);
        if (promoted) {
          Policy.promoted(session, target, pending);
        }
        if (!pending.isEmpty()) {
          List<String> details = new ArrayList<>();
          details.add(Policy.at(session.retort().current()));
          details.add("to apply: " + pending.size() + " migration" + (pending.size() == 1 ? "" : "s"));
          details.addAll(Policy.steps(pending));
          Policy.confirm(session, parent.options().yes(), "upgrade to " + target, details, parent.console);
        }
      }
      MigrationResult result = retort.withSingleTransaction(RunModeOptions.singleTransaction(spec)).upgrade(target, resume, allowChanged);
      Report.print(parent.console, result, "upgrade");
    }
  }
}
