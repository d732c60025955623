package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import retort.db.ConnectionSource;
import retort.db.LogEntry;
import retort.db.RunLock;
import retort.db.VersionStore;
import retort.graph.Plan;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.Step;
import retort.script.Checksum;
import retort.script.Script;
import retort.script.ScriptDirectory;

/**
 * Carries out upgrades and downgrades: takes the run lock on a connection of its own, creates the
 * state tables where missing, reads the version rows, plans, and applies the steps one by one. The
 * last step's commit is durable, which flushes every earlier step's commit with it.
 */
public final class Runner {

  private final ScriptDirectory scripts;
  private final ConnectionSource source;
  private final VersionStore store;
  private final RunSettings settings;
  private final Progress progress;

  public Runner(ScriptDirectory scripts, ConnectionSource source, VersionStore store, RunSettings settings,
      Progress progress) {
    this.scripts = scripts;
    this.source = source;
    this.store = store;
    this.settings = settings;
    this.progress = progress;
  }

  /** How a plan is made from the version rows. */
  @FunctionalInterface
  public interface PlanMaker {
    Plan plan(Planner planner, List<String> rows) throws Refusal;
  }

  public RunReport upgrade(String target, boolean resume) throws SQLException, StepFailure, LockTimeout, Refusal {
    return upgrade(target, resume, false);
  }

  /** Upgrades; unless {@code allowChanged}, refuses when an applied migration's file changed since it ran. */
  public RunReport upgrade(String target, boolean resume, boolean allowChanged)
      throws SQLException, StepFailure, LockTimeout, Refusal {
    return run((planner, rows) -> planner.upgrade(rows, target), resume, !allowChanged);
  }

  public RunReport downgrade(String target) throws SQLException, StepFailure, LockTimeout, Refusal {
    return run((planner, rows) -> {
      Plan plan = planner.downgrade(rows, target);
      for (Step step : plan.steps()) {
        Script script = scripts.script(step.revision());
        if (!script.downgrade().present()) {
          throw new Refusal(script.name() + " has no `-- +downgrade` section, so " + script.id() + " cannot be undone",
              "add a `-- +downgrade` section to the file (empty if undoing needs nothing), or move the version with `retort stamp`");
        }
      }
      return plan;
    }, false, false);
  }

  /** Sets the version rows to the target without running any migration; {@code purge} empties the table first. */
  public RunReport stamp(String target, boolean purge) throws SQLException, StepFailure, LockTimeout, Refusal {
    return underLock((c, rows) -> {
      Plan plan = new Planner(scripts.graph()).stamp(purge ? List.of() : rows, target);
      c.setAutoCommit(false);
      try {
        store.replace(c, plan.rowsAfter());
        for (String id : plan.rowsAfter()) {
          store.log(c, stampEntry(id));
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
      return new RunReport(plan, rows, plan.rowsAfter());
    });
  }

  private LogEntry stampEntry(String id) {
    Script script = scripts.script(id);
    Instant now = Instant.now();
    return new LogEntry(0, id, "stamp", script == null ? null : script.checksum(), now, now, 0, null,
        settings.environment(), settings.toolVersion(), "applied", null, -1, null, null);
  }

  /** The work of a run, done under the run lock with the version rows found under it. */
  @FunctionalInterface
  private interface Locked<T> {
    T run(Connection c, List<String> rows) throws SQLException, StepFailure, Refusal;
  }

  /** Takes the run lock on a connection of its own, creates the state tables where missing, and runs the work. */
  private <T> T underLock(Locked<T> work) throws SQLException, StepFailure, LockTimeout, Refusal {
    try (Connection lockConnection = source.open();
        RunLock lock = lock(lockConnection);
        Connection c = source.open()) {
      c.setAutoCommit(true);
      store.create(c);
      return work.run(c, store.readHeads(c));
    }
  }

  /** Takes the lock, plans with the rows found under it, and runs the plan. */
  public RunReport run(PlanMaker maker, boolean resume, boolean verifyChecksums)
      throws SQLException, StepFailure, LockTimeout, Refusal {
    return underLock((c, rows) -> {
      Plan plan = maker.plan(new Planner(scripts.graph()), rows);
      if (verifyChecksums) {
        verifyChecksums(c, rows);
      }
      Optional<LogEntry> partial = unfinished(store.lastEntry(c));
      int resumeAfter = 0;
      if (partial.isPresent()) {
        LogEntry p = partial.get();
        boolean next = !plan.isEmpty() && plan.steps().get(0).revision().id().equals(p.revision())
            && plan.steps().get(0).direction().word().equals(p.direction());
        if (!resume || !next) {
          Script s = scripts.script(p.revision());
          String file = s == null ? p.revision() : s.name();
          throw new Refusal(file + ": the non-transactional " + p.direction() + " of " + p.revision()
              + " stopped after statement " + p.lastStatement() + " (" + p.error() + ")",
              "fix the file, then run `retort upgrade --resume` to continue with statement " + (p.lastStatement() + 1)
                  + ", or set the version by hand with `retort stamp`");
        }
        resumeAfter = p.lastStatement();
      }
      List<Step> steps = plan.steps();
      try (StepExecutor executor = new StepExecutor(c, source, store, settings, progress)) {
        if (settings.singleTransaction() && !steps.isEmpty()) {
          runInOneTransaction(executor, steps, c);
          return new RunReport(plan, rows, plan.rowsAfter());
        }
        for (int i = 0; i < steps.size(); i++) {
          Step step = steps.get(i);
          Script script = scripts.script(step.revision());
          progress.stepStarted(step, script);
          Instant started = Instant.now();
          executor.run(step, script, i == steps.size() - 1, i == 0 ? resumeAfter : 0);
          progress.stepFinished(step, script, Duration.between(started, Instant.now()));
        }
      }
      return new RunReport(plan, rows, plan.rowsAfter());
    });
  }

  /** Runs every step in one transaction: all of them commit together, or none does. */
  private void runInOneTransaction(StepExecutor executor, List<Step> steps, Connection c)
      throws SQLException, StepFailure, Refusal {
    for (Step step : steps) {
      Script script = scripts.script(step.revision());
      if (!script.transactional()) {
        throw new Refusal(script.name() + " is `transactional: false`, so it cannot run inside --single-transaction",
            "run without --single-transaction, or up to the revision before it first");
      }
    }
    executor.begin();
    for (Step step : steps) {
      Script script = scripts.script(step.revision());
      progress.stepStarted(step, script);
      Instant started = Instant.now();
      executor.runWithin(step, script);
      progress.stepFinished(step, script, Duration.between(started, Instant.now()));
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /** The last log entry, when it is a non-transactional step that stopped part way and was not finished since. */
  private static Optional<LogEntry> unfinished(Optional<LogEntry> last) {
    return last.filter(e -> "partial".equals(e.outcome()));
  }

  /** Each applied migration's file must still have the checksum its last upgrade or stamp logged. */
  private void verifyChecksums(Connection c, List<String> rows) throws Refusal, SQLException {
    List<String> changed = changedFiles(c, rows);
    if (!changed.isEmpty()) {
      throw new Refusal(String.join(", ", changed) + (changed.size() == 1 ? " was" : " were")
          + " changed after being applied (the checksum differs from the one logged when it ran)",
          "put the file back as it was and write the change as a new revision; or, if the edit is intended,"
              + " accept it with `retort stamp --update-checksum REV` or run `retort upgrade --allow-changed`", true);
    }
  }

  /** The files of applied migrations whose checksum differs from the last one logged for them. */
  private List<String> changedFiles(Connection c, List<String> rows) throws SQLException {
    List<Revision> applied = scripts.graph().applied(rows);
    Supplier<Map<String, String>> files = () -> checksumsOf(applied);
    Supplier<String> digest = scripts::checksumDigest;
    if (applied.size() < scripts.graph().size()) {
      // not every revision applied: the directory's own digest does not serve, the files' map is needed
      Map<String, String> sums = checksumsOf(applied);
      files = () -> sums;
      digest = () -> Checksum.digest(sums);
    }
    List<String> changed = new ArrayList<>();
    for (String id : store.changedChecksums(c, applied.size(), digest, files)) {
      changed.add(scripts.script(id).name());
    }
    changed.sort(null);
    return changed;
  }

  private Map<String, String> checksumsOf(List<Revision> revisions) {
    Map<String, String> sums = new HashMap<>(revisions.size() * 2);
    for (Revision r : revisions) {
      sums.put(r.id(), scripts.script(r).checksum());
    }
    return sums;
  }

  /**
   * What is wrong between the files and the database, read without the lock: applied migrations
   * edited since they ran, and a non-transactional migration that stopped part way.
   */
  public List<String> validate() throws SQLException {
    try (Connection c = source.open()) {
      List<String> rows = store.heads(c);
      List<String> problems = new ArrayList<>();
      if (!store.logExists(c)) {
        return problems;
      }
      for (String file : changedFiles(c, rows)) {
        problems.add(file + ": changed after being applied (the checksum differs from the one logged when it ran)");
      }
      unfinished(store.lastEntry(c)).ifPresent(p -> problems.add(p.revision() + ": the non-transactional " + p.direction()
          + " stopped after statement " + p.lastStatement()));
      return problems;
    }
  }

  /** Accepts an intended edit of an applied migration: logs its file's current checksum as a stamp. */
  public void updateChecksum(String revision) throws SQLException, StepFailure, LockTimeout, Refusal {
    underLock((c, rows) -> {
      Revision r = scripts.graph().resolve(revision);
      if (!scripts.graph().applied(rows).contains(r)) {
        throw new Refusal(r.id() + " is not applied, so there is no checksum to update",
            "`retort current` shows where the database is");
      }
      store.log(c, stampEntry(r.id()));
      return null;
    });
  }

  private RunLock lock(Connection c) throws SQLException, LockTimeout {
    java.util.concurrent.atomic.AtomicReference<Optional<retort.db.LockHolder>> seen =
        new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
    try {
      return RunLock.acquire(c, store.versionTable(), settings.lockWait(), holder -> {
        seen.set(holder);
        progress.waitingForLock(holder);
      }).orElseThrow(() -> new LockTimeout("another run holds the lock on " + store.versionTable()
          + " and did not release it within " + settings.lockWait().toSeconds() + " s", seen.get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockTimeout("interrupted while waiting for the run lock", seen.get());
    }
  }

  /** The version rows, read without the lock and without creating anything. */
  public List<String> rows() throws SQLException {
    try (Connection c = source.open()) {
      return store.heads(c);
    }
  }
}
