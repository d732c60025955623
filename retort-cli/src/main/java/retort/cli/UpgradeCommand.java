package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import retort.MigrationResult;

/** {@code retort upgrade [TARGET]}: apply the migrations the target needs. */
final class UpgradeCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  UpgradeCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "upgrade", "Apply pending migrations up to TARGET (default head).");
    RunModeOptions.addTo(spec);
    spec.addPositional(Args.positional("TARGET", "head, heads, a revision, label@head, +N, REV+N (default: head).")
        .defaultValue("head").arity("0..1").required(false).build());
    spec.addOption(Args.flag("Continue a non-transactional migration after its last completed statement.", "--resume"));
    spec.addOption(Args.flag("Run even though an applied migration's file changed since it ran.", "--allow-changed"));
  }

  @Override
  public void run() {
    String target = Args.positional(spec);
    boolean resume = Args.flag(spec, "--resume");
    boolean allowChanged = Args.flag(spec, "--allow-changed");
    try (Session session = parent.session()) {
      if (RunModeOptions.sql(spec)) {
        parent.console.out().print(session.retort().offlineSql("upgrade", target));
        return;
      }
      Policy.promoted(session, target);
      Policy.confirm(session.config().environment(), parent.options().yes(), "upgrade to " + target, parent.console);
      MigrationResult result = session.retort().withSingleTransaction(RunModeOptions.singleTransaction(spec)).upgrade(target, resume, allowChanged);
      Report.print(parent.console, result, "upgrade");
    }
  }
}
