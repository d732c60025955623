package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import retort.db.ConnectionSource;
import retort.db.LockWait;
import retort.db.LogEntry;
import retort.db.RunLock;
import retort.db.Sessions;
import retort.db.VersionStore;
import retort.graph.Plan;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.Step;
import retort.script.Fingerprints;
import retort.script.Script;
import retort.script.ScriptDirectory;

/**
 * Carries out upgrades and downgrades: takes the run lock on a connection of its own, reads the
 * version rows and the log, plans, and only then, when there is something to write, creates the
 * state tables where missing and applies the steps one by one. A refused command changes nothing.
 * The last step's commit is durable, which flushes every earlier step's commit with it.
 */
public final class Runner {

  /**
   * How long a waiting run keeps waiting for a holder of the lock that shows no progress: a quarter
   * of lock_wait, at least a second and at most a minute (so 60 s with the default 10 min).
   */
  static Duration stall(Duration lockWait) {
    Duration quarter = lockWait.dividedBy(4);
    Duration atLeast = quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
    return atLeast.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : atLeast;
  }

  private final ScriptDirectory scripts;
  private final ConnectionSource source;
  private final VersionStore store;
  private final RunSettings settings;
  private final Progress progress;
  private final Checksums checksums;

  public Runner(ScriptDirectory scripts, ConnectionSource source, VersionStore store, RunSettings settings,
      Progress progress) {
    this.scripts = scripts;
    this.source = source;
    this.store = store;
    this.settings = settings;
    this.progress = progress;
    this.checksums = new Checksums(scripts, store);
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

  /** Downgrades; refuses, as an upgrade does, when an applied migration's file changed since it ran. */
  public RunReport downgrade(String target) throws SQLException, StepFailure, LockTimeout, Refusal {
    return run((planner, rows) -> {
      Plan plan = planner.downgrade(rows, target);
      ScriptDirectory followed = scripts.forRows(rows);
      for (Step step : plan.steps()) {
        Script script = followed.script(step.revision());
        if (!script.downgrade().present()) {
          throw new Refusal(script.name() + " has no `-- +downgrade` section, so " + script.id() + " cannot be undone",
              "add a `-- +downgrade` section to the file (empty if undoing needs nothing), or move the version with `retort stamp`");
        }
      }
      return plan;
    }, false, true);
  }

  /**
   * Sets the version rows to the target without running any migration; {@code purge} empties the
   * table first. A row that names a revision no file declares is replaced.
   */
  public RunReport stamp(String target, boolean purge) throws SQLException, StepFailure, LockTimeout, Refusal {
    return underLock(run -> {
      List<String> known = new ArrayList<>();
      ScriptDirectory scripts = this.scripts.forRows(run.rows());
      for (String row : run.rows()) {
        if (scripts.script(row) != null) {
          known.add(row);
        } else if (!purge) {
          progress.warning("the version row " + row + " names a revision unknown to this checkout: stamp replaces it");
        }
      }
      Plan plan = new Planner(scripts.graph()).stamp(purge ? List.of() : known, target);
      ScriptDirectory after = this.scripts.forRows(plan.rowsAfter());
      Connection c = run.connection();
      store.ensure(c, run.presence());
      c.setAutoCommit(false);
      try {
        store.replace(c, plan.rowsAfter());
        for (String id : plan.rowsAfter()) {
          store.log(c, stampEntry(after, id));
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return new RunReport(plan, run.rows(), plan.rowsAfter());
    });
  }

  /** A stamp's log row, under the id of the file that stands for the revision (a squash's own id). */
  private LogEntry stampEntry(ScriptDirectory scripts, String revision) {
    Script script = scripts.script(revision);
    String id = script == null ? revision : script.id();
    Instant now = Instant.now();
    return new LogEntry(0, id, "stamp", script == null ? null : script.checksum(), now, now, 0, null,
        settings.environment(), settings.toolVersion(), LogEntry.APPLIED, null, -1, null,
        script == null ? null : Fingerprints.lines(script), settings.note());
  }

  /** A run under the lock: its work connection, its lock, and what it found of the state tables. */
  private record Locked(Connection connection, RunLock lock, VersionStore.Presence presence, List<String> rows) {}

  /** The work of a run, done under the run lock. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Locked run) throws SQLException, StepFailure, Refusal;
  }

  /**
   * Opens the lock's connection and the work connection, takes the run lock (refusing a pooler in
   * transaction mode before taking it), reads the version rows without creating anything, and runs
   * the work.
   */
  private <T> T underLock(Work<T> work) throws SQLException, StepFailure, LockTimeout, Refusal {
    try (Connection lockConnection = source.open(); Connection c = source.open()) {
      LockWait wait = new LockWait(store.versionTable(), store.logTable(), settings.lockWait(),
          stall(settings.lockWait()), progress::waitingForLock);
      Optional<RunLock> taken;
      try {
        taken = wait.acquire(lockConnection, c);
      } catch (Sessions.Pooled pooled) {
        throw new Refusal("the connection goes through a connection pooler in transaction mode (" + pooled.getMessage()
            + "): the run's session advisory lock would be granted to a pooled server connection, not to this run",
            "point Retort at the database directly for migrations (PostgreSQL's own port, not the pooler's),"
                + " or use a pool in session mode; nothing was changed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockTimeout("interrupted while waiting for the run lock", wait.lastHolder());
      }
      if (taken.isEmpty()) {
        throw new LockTimeout(wait.stalled()
            ? "another run holds the lock on " + store.versionTable() + " and showed no progress for "
                + Math.min(stall(settings.lockWait()).toSeconds(), settings.lockWait().toSeconds()) + " s"
            : "another run holds the lock on " + store.versionTable() + " and did not release it within "
                + settings.lockWait().toSeconds() + " s", wait.lastHolder());
      }
      try (RunLock lock = taken.get()) {
        c.setAutoCommit(true);
        VersionStore.Presence presence = store.look(c);
        List<String> rows = presence.versionTable() ? store.readHeads(c) : List.of();
        return work.run(new Locked(c, lock, presence, rows));
      }
    }
  }

  /** Takes the lock, plans with the rows found under it, and runs the plan. */
  public RunReport run(PlanMaker maker, boolean resume, boolean verifyChecksums)
      throws SQLException, StepFailure, LockTimeout, Refusal {
    return underLock(run -> {
      Connection c = run.connection();
      List<String> rows = run.rows();
      ScriptDirectory scripts = this.scripts.forRows(rows);
      Plan plan = maker.plan(new Planner(scripts.graph()), rows);
      if (verifyChecksums && run.presence().logTable()) {
        checksums.verify(c, rows, run.presence().currentLog());
      }
      Optional<LogEntry> stopped = run.presence().logTable()
          ? store.lastEntry(c, run.presence().currentLog()).filter(LogEntry::stopped) : Optional.empty();
      AutocommitStep.Resume from = null;
      if (stopped.isPresent()) {
        from = resumePoint(scripts, c, stopped.get(), plan, resume);
      }
      List<Step> steps = plan.steps();
      if (steps.isEmpty()) {
        return new RunReport(plan, rows, plan.rowsAfter());
      }
      store.ensure(c, run.presence());
      int workPid = retort.db.SharedConnection.sameConnection(run.lock().connection(), c) ? 0
          : retort.db.Sessions.startupPid(c);
      try (StepExecutor executor = new StepExecutor(c, source, store, settings, progress, run.lock(), workPid)) {
        if (settings.singleTransaction()) {
          runInOneTransaction(scripts, executor, steps, c);
          return new RunReport(plan, rows, plan.rowsAfter());
        }
        for (int i = 0; i < steps.size(); i++) {
          Step step = steps.get(i);
          Script script = scripts.script(step.revision());
          progress.stepStarted(step, script);
          Instant started = Instant.now();
          try {
            executor.run(step, script, i == steps.size() - 1, i == 0 ? from : null);
          } catch (StepFailure | SQLException | RuntimeException e) {
            executor.flush();
            throw e;
          }
          progress.stepFinished(step, script, Duration.between(started, Instant.now()));
        }
      }
      return new RunReport(plan, rows, plan.rowsAfter());
    });
  }

  /**
   * Where a stopped non-transactional step continues: refused unless this is {@code --resume} and
   * the plan starts with that step, and unless the statements it applied are still the file's first
   * ones, in order and unchanged.
   */
  private static AutocommitStep.Resume resumePoint(ScriptDirectory scripts, Connection c, LogEntry p, Plan plan,
      boolean resume) throws SQLException, Refusal {
    boolean next = !plan.isEmpty() && scripts.script(plan.steps().get(0).revision()).id().equals(p.revision())
        && plan.steps().get(0).direction().word().equals(p.direction());
    if (!resume || !next) {
      throw new Refusal(StoppedStep.describe(c, p, scripts, false), StoppedStep.hint(p), false);
    }
    Step step = plan.steps().get(0);
    Script script = scripts.script(step.revision());
    List<retort.sql.Statement> statements = StepExecutor.statements(step, script);
    int done = Math.max(0, p.lastStatement());
    if (p.statements() != null) {
      int differs = Fingerprints.firstDifferent(p.statements(), statements);
      if (differs >= 0) {
        String where = differs < statements.size() ? script.name() + ":" + statements.get(differs).line()
            : script.name();
        throw new Refusal(where, "statement " + (differs + 1) + " is not the one the stopped run applied as"
            + " statement " + (differs + 1) + " of " + script.id() + (differs < statements.size() ? ""
                : " (the file has " + statements.size() + " statements now)")
            + ": a statement above the resume point was inserted, removed or edited",
            "put " + Failures.range(done) + " back as they were applied and change only the statements after them;"
                + " or decide by hand and set the version with `retort stamp`", true);
      }
    } else if (done > statements.size()) {
      throw new Refusal(script.name(), "the file has " + statements.size() + " statements, but the stopped run"
          + " applied " + done, "put the applied statements back, or set the version by hand with `retort stamp`", true);
    }
    return new AutocommitStep.Resume(done, p.statements());
  }

  /** Runs every step in one transaction: all of them commit together, or none does. */
  private void runInOneTransaction(ScriptDirectory scripts, StepExecutor executor, List<Step> steps, Connection c)
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

  /**
   * What is wrong between the files and the database: the applied migrations edited since they ran,
   * and a non-transactional migration that stopped part way (or runs now), each described.
   */
  public record Validation(List<String> changed, Optional<String> stopped) {

    public Validation {
      changed = List.copyOf(changed);
    }

    /** Every problem, changed files first. */
    public List<String> problems() {
      List<String> out = new ArrayList<>(changed);
      stopped.ifPresent(out::add);
      return out;
    }

    /** What to do about them. */
    public String hint() {
      return validateHint(!changed.isEmpty(), stopped.isPresent());
    }
  }

  /** What is wrong between the files and the database (see {@link Validation}), read without the lock. */
  public Validation validate() throws SQLException {
    try (Connection c = source.open()) {
      VersionStore.Presence presence = store.look(c);
      if (!presence.logTable()) {
        return new Validation(List.of(), Optional.empty());
      }
      List<String> rows = presence.versionTable() ? store.readHeads(c) : List.of();
      return new Validation(checksums.changed(c, rows, presence.currentLog()), stopped(c, presence));
    }
  }

  /** Where the database is: its version rows, and a non-transactional step that stopped part way (or runs now), described. */
  public record Status(List<String> rows, Optional<String> stopped) {}

  /** The database's {@link Status}, read without the lock and without creating anything. */
  public Status status() throws SQLException {
    try (Connection c = source.open()) {
      VersionStore.Presence presence = store.look(c);
      List<String> rows = presence.versionTable() ? store.readHeads(c) : List.of();
      return new Status(rows, stopped(c, presence));
    }
  }

  private Optional<String> stopped(Connection c, VersionStore.Presence presence) throws SQLException {
    if (!presence.logTable()) {
      return Optional.empty();
    }
    Optional<LogEntry> p = store.lastEntry(c, presence.currentLog()).filter(LogEntry::stopped);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    boolean running = RunLock.holder(c, RunLock.key(store.versionTable())).isPresent();
    return Optional.of(StoppedStep.describe(c, p.get(), scripts, running));
  }

  /** The hint for what {@link #validate} reports. */
  static String validateHint(boolean changedFiles, boolean stoppedStep) {
    List<String> out = new ArrayList<>();
    if (changedFiles) {
      out.add("put a changed file back as it was applied and write the change as a new revision, or accept an"
          + " intended edit with `retort stamp --update-checksum REV`");
    }
    if (stoppedStep) {
      out.add("continue a stopped migration with `retort upgrade --resume`, or decide by hand with `retort stamp`");
    }
    return String.join("; ", out);
  }

  /** Accepts an intended edit of an applied migration: logs its file's current checksum as a stamp. */
  public void updateChecksum(String revision) throws SQLException, StepFailure, LockTimeout, Refusal {
    underLock(run -> {
      ScriptDirectory scripts = this.scripts.forRows(run.rows());
      Revision r = scripts.graph().resolve(revision);
      if (!scripts.graph().applied(run.rows()).contains(r)) {
        throw new Refusal(r.id() + " is not applied, so there is no checksum to update",
            "`retort current` shows where the database is");
      }
      store.ensure(run.connection(), run.presence());
      store.log(run.connection(), stampEntry(scripts, r.id()));
      return null;
    });
  }

  /** The version rows, read without the lock and without creating anything. */
  public List<String> rows() throws SQLException {
    try (Connection c = source.open()) {
      return store.heads(c);
    }
  }
}
