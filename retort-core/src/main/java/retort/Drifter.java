package retort;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.db.ConnectionSource;
import retort.db.LogEntry;
import retort.db.VersionStore;
import retort.diff.Differ;
import retort.diff.Options;
import retort.diff.Plan;
import retort.diff.PlanException;
import retort.drift.Finding;
import retort.drift.Findings;
import retort.drift.LiveRead;
import retort.graph.GraphException;
import retort.scratch.Cluster;
import retort.scratch.Head;
import retort.scratch.ReplayException;
import retort.scratch.Scratchpad;
import retort.script.ScriptDirectory;

/**
 * Drift: the live database read (read-only, one snapshot, a short lock_timeout), the revisions its
 * version rows record replayed on the scratch server (or taken from their template), the two
 * catalogs compared; the findings, and the SQL that would take the live database back.
 */
final class Drifter {

  /** How long the live read waits for a lock before it gives up: never long enough to hold the application up. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

  private final ScriptDirectory scripts;
  private final Config config;
  private final Cluster cluster;
  private final VersionStore store;

  Drifter(ScriptDirectory scripts, Config config, ScratchServer server, VersionStore store) {
    this.scripts = scripts;
    this.config = config;
    this.cluster = Autogenerator.cluster(server);
    this.store = store;
  }

  DriftReport drift(ConnectionSource live, String target) {
    LiveRead.Live read = read(live, target);
    List<String> rows = read.rows();
    if (!read.versionTable()) {
      throw new RetortException(RetortException.Kind.USAGE, null, target + " has no version table ("
          + store.versionTable() + "): no revision is recorded there to compare it with",
          "adopt the database with `retort baseline -m MSG`, or record where it is with `retort stamp REV`");
    }
    ScriptDirectory followed = followed(rows, target);
    Catalog liveCatalog = Autogenerator.withoutRetortTables(config, read.catalog());
    try (Scratchpad pad = Scratchpad.open(cluster)) {
      Head recorded = pad.recorded(followed, rows);
      Head database = Scratchpad.database(liveCatalog);
      Scratchpad.Sides there = Scratchpad.sides(recorded, database);
      List<String> warnings = new ArrayList<>();
      Plan plan = plan(there, warnings, "the plan from the recorded revisions to the database");
      List<DriftFinding> findings = new ArrayList<>();
      for (Finding f : Findings.of(there.from(), there.to(), plan)) {
        findings.add(publicFinding(f));
      }
      String sql = "";
      if (!findings.isEmpty()) {
        Plan back = plan(Scratchpad.sides(database, recorded), warnings, "the SQL that takes the database back");
        sql = back == null ? "" : Autogenerator.script(back);
      }
      warnings.addAll(0, warnings(read, plan, there));
      return new DriftReport(rows, findings, warnings, sql);
    } catch (ReplayException e) {
      throw new RetortException(RetortException.Kind.ERROR, null, "the recorded revisions do not replay on the"
          + " scratch server: " + e.getMessage(), "fix the migration named above; the scratch server starts from an"
          + " empty database");
    } catch (GraphException e) {
      throw Errors.of(e);
    } catch (SQLException e) {
      throw Errors.of(e, "the scratch server");
    }
  }

  /** The plan between two sides, or null (with a warning) where the differ cannot order one. */
  private static Plan plan(Scratchpad.Sides sides, List<String> warnings, String what) {
    try {
      return Differ.diff(sides.from(), sides.to(), Options.defaults());
    } catch (PlanException e) {
      warnings.add(what + " could not be made: " + e.getMessage());
      return null;
    }
  }

  private LiveRead.Live read(ConnectionSource live, String target) {
    try (Connection c = live.open()) {
      return LiveRead.read(c, store, LOCK_TIMEOUT);
    } catch (LiveRead.Locked e) {
      throw new RetortException(RetortException.Kind.LOCK_TIMEOUT, null, "drift could not read " + target
          + " within its lock_timeout of " + LOCK_TIMEOUT.toSeconds() + " s: "
          + (e.holder() != null ? e.holder() : e.getMessage()),
          "a session holds an ACCESS EXCLUSIVE lock (a migration or a hand-made ALTER running now): drift never waits"
              + " behind it, so run it again once that session is done");
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  /** The files the database follows; a row no file declares is a usage error, not drift. */
  private ScriptDirectory followed(List<String> rows, String target) {
    try {
      ScriptDirectory followed = scripts.forRows(rows);
      for (String row : rows) {
        if (followed.graph().get(row).isEmpty()) {
          throw new RetortException(RetortException.Kind.USAGE, null, target + " records revision " + row
              + ", which this checkout does not know, so what the database should be is unknown here",
              "check out the commit that has " + row + "'s migration (`git pull`), or compare with"
                  + " `retort diff --from env:NAME --to head`");
        }
      }
      return followed;
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  private static List<String> warnings(LiveRead.Live read, Plan plan, Scratchpad.Sides sides) {
    List<String> out = new ArrayList<>();
    int scratch = sides.from().serverVersion() / 10000;
    int live = sides.to().serverVersion() / 10000;
    if (scratch != live) {
      out.add("the scratch server runs PostgreSQL " + scratch + " and the database " + live + ": what the server"
          + " prints (view definitions, defaults) may differ between major versions; set scratch_url to a server"
          + " of version " + live + " to compare like with like");
    }
    read.stopped().ifPresent((LogEntry p) -> out.add("the non-transactional " + p.direction() + " of " + p.revision()
        + " stopped part way: the database may hold part of it (finish it with `retort upgrade --resume`)"));
    if (plan != null) {
      for (String w : plan.warnings()) {
        if (!w.startsWith("not compared yet:")) {   // such an object that differs is a finding already
          out.add(w);
        }
      }
    }
    for (String u : sides.from().unmodelled()) {
      out.add("not modelled yet, so not compared: " + u + " (recorded)");
    }
    for (String u : sides.to().unmodelled()) {
      out.add("not modelled yet, so not compared: " + u + " (live)");
    }
    return out;
  }

  private static DriftFinding publicFinding(Finding f) {
    List<DriftFinding.Attribute> attributes = new ArrayList<>();
    for (Finding.Attribute a : f.attributes()) {
      attributes.add(new DriftFinding.Attribute(a.name(), a.recorded(), a.live()));
    }
    return new DriftFinding(f.kind(), f.id().toString(), f.change().word(), attributes, f.describe());
  }
}
