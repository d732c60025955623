package retort;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import retort.catalog.Catalog;
import retort.catalog.Kind;
import retort.catalog.ObjectId;
import retort.db.VersionStore;
import retort.diff.Differ;
import retort.diff.Hazard;
import retort.diff.Options;
import retort.diff.Plan;
import retort.diff.PlanException;
import retort.diff.Rename;
import retort.diff.RevisionText;
import retort.diff.Segment;
import retort.diff.Step;
import retort.graph.GraphException;
import retort.graph.Revision;
import retort.scratch.Cluster;
import retort.scratch.DeclaredException;
import retort.scratch.Head;
import retort.scratch.Part;
import retort.scratch.ProofException;
import retort.scratch.ReplayException;
import retort.scratch.Scratchpad;
import retort.script.RevisionWriter;
import retort.script.ScriptDirectory;

/**
 * Autogenerate and diff: both sides built on the scratch server (never the target), compared by the
 * differ, and for autogenerate the plan proven on a copy of head before its revisions are written.
 */
final class Autogenerator {

  private final ScriptDirectory scripts;
  private final Config config;
  private final Cluster cluster;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  Autogenerator(ScriptDirectory scripts, Config config, ScratchServer server) {
    this.scripts = scripts;
    this.config = config;
    this.cluster = cluster(server);
  }

  /** The public scratch server as the scratch package sees it. */
  static Cluster cluster(ScratchServer server) {
    return new Cluster() {
      @Override
      public Connection admin() throws SQLException {
        return server.admin();
      }

      @Override
      public Connection open(String database) throws SQLException {
        return server.open(database);
      }
    };
  }

  AutogenerateResult autogenerate(Path schema, String message, List<String> renames, boolean lockSafety) {
    List<Revision> heads = scripts.graph().heads();
    if (heads.size() > 1) {
      List<String> ids = new ArrayList<>();
      for (Revision r : heads) {
        ids.add(r.id());
      }
      throw new RetortException(RetortException.Kind.USAGE, null, "there are several heads: " + String.join(", ", ids),
          "merge them first with `retort merge heads -m \"merge\"`, then autogenerate on the single head");
    }
    Options options = new Options(lockSafety, parse(renames));
    try (Scratchpad pad = Scratchpad.open(cluster)) {
      Head head = timed(null, () -> heads.isEmpty() ? pad.empty() : pad.head(scripts, "head"));
      Head declared = timed(null, () -> pad.declared(schema));
      Scratchpad.Sides sides = Scratchpad.sides(head, declared);
      Plan plan = timed("diff", () -> Differ.diff(sides.from(), sides.to(), options));
      List<String> warnings = warnings(plan, sides);
      if (plan.isEmpty()) {
        return new AutogenerateResult(List.of(), List.of(), warnings, phases(pad));
      }
      String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      List<String> ids = new ArrayList<>();
      List<Part> parts = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      String parent = heads.isEmpty() ? null : heads.get(0).id();
      int n = plan.segments().size();
      for (int i = 0; i < n; i++) {
        Segment s = plan.segments().get(i);
        String id = RevisionWriter.newId();
        texts.add(RevisionText.file(id, parent, n == 1 ? message : message + suffix(s, i, n), created, s, i + 1, n));
        parts.add(new Part("part " + (i + 1) + " of " + n, s.transactional(), RevisionText.upgrade(s),
            RevisionText.downgrade(s)));
        ids.add(id);
        parent = id;
      }
      timed(null, () -> {
        pad.prove(sides, plan, parts);
        return null;
      });
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        try {
          files.add(RevisionWriter.writeText(scripts.location(), ids.get(i), message, texts.get(i)));
        } catch (IOException e) {
          throw new RetortException(RetortException.Kind.ERROR, scripts.location().toString(),
              "cannot write the new migration: " + e.getMessage(), "check that the versions directory is writable");
        }
      }
      return new AutogenerateResult(files, changes(plan), warnings, phases(pad));
    } catch (SQLException e) {
      throw Errors.of(e, "the scratch server");
    }
  }

  /** A later part's message says what it is for: its concurrent work, or the work that finishes it. */
  private static String suffix(Segment s, int i, int n) {
    return !s.transactional() ? " (concurrently)" : i == 0 ? "" : i == n - 1 ? " (finish)" : " (part " + (i + 1) + ")";
  }

  SchemaDiff diff(SchemaSource from, SchemaSource to) {
    try (Scratchpad pad = Scratchpad.open(cluster)) {
      Head a = side(pad, from);
      Head b = side(pad, to);
      Scratchpad.Sides sides = Scratchpad.sides(a, b);
      Plan plan = timed("diff", () -> Differ.diff(sides.from(), sides.to(), Options.defaults()));
      return new SchemaDiff(changes(plan), warnings(plan, sides), script(plan));
    } catch (SQLException e) {
      throw Errors.of(e, "the scratch server");
    }
  }

  /** A plan's upgrade as one script: each revision's statements, a later or non-transactional one marked. */
  static String script(Plan plan) {
    StringBuilder sql = new StringBuilder();
    int n = plan.segments().size();
    for (int i = 0; i < n; i++) {
      Segment s = plan.segments().get(i);
      if (n > 1 || !s.transactional()) {
        sql.append("-- part ").append(i + 1).append(" of ").append(n)
            .append(s.transactional() ? "" : ", not transactional: each statement on its own").append("\n");
      }
      sql.append(RevisionText.upgrade(s));
    }
    return sql.toString();
  }

  private Head side(Scratchpad pad, SchemaSource source) throws SQLException {
    try {
      return switch (source.kind()) {
        case HEAD -> scripts.graph().heads().isEmpty() ? pad.empty() : pad.head(scripts, "head");
        case REVISION -> pad.head(scripts, source.toString());
        case DECLARED -> pad.declared(source.folder());
        case DATABASE -> {
          try (Connection c = source.connections().open()) {
            yield Scratchpad.database(c, catalog -> withoutRetortTables(config, catalog));
          } catch (SQLException e) {
            throw Errors.of(e, source.toString());
          }
        }
      };
    } catch (DeclaredException e) {
      throw declared(e);
    } catch (ReplayException e) {
      throw replay(e);
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** A live database without Retort's version and log tables. */
  static Catalog withoutRetortTables(Config config, Catalog c) {
    String schema = config.effectiveSchema();
    Set<ObjectId> ours = Set.of(ObjectId.of(Kind.TABLE, schema, config.effectiveVersionTable()),
        ObjectId.of(Kind.TABLE, schema, VersionStore.LOG_TABLE));
    Catalog without = c.without(o -> ours.contains(o.id()));
    boolean schemaOfItsOwn = !schema.equals("public")
        && without.objects().keySet().stream().noneMatch(id -> schema.equals(id.schema()));
    ObjectId ownSchema = ObjectId.global(Kind.SCHEMA, schema);
    return schemaOfItsOwn ? without.without(o -> o.id().equals(ownSchema)) : without;
  }

  // ---- what users see

  private static List<Rename> parse(List<String> renames) {
    List<Rename> out = new ArrayList<>();
    for (String r : renames) {
      try {
        out.add(Rename.parse(r));
      } catch (IllegalArgumentException e) {
        throw new RetortException(RetortException.Kind.USAGE, "--rename", "'" + r + "': " + e.getMessage(),
            "write --rename old=new, e.g. --rename apartments.listing=apartments.apartment");
      }
    }
    return out;
  }

  private static List<String> warnings(Plan plan, Scratchpad.Sides sides) {
    Set<String> out = new LinkedHashSet<>();
    for (Step s : plan.steps()) {
      for (Hazard h : s.hazards()) {
        if (h == Hazard.DELETES_DATA || h == Hazard.IRREVERSIBLE || h == Hazard.LOSSY_DOWNGRADE) {
          out.add(h.id() + ": " + s.what() + " " + s.target() + ": "
              + (s.notes().isEmpty() ? h.description() : String.join("; ", s.notes())));
        }
      }
    }
    out.addAll(plan.warnings());
    for (String u : sides.from().unmodelled()) {
      out.add("not modelled yet, so not compared: " + u + " (head)");
    }
    for (String u : sides.to().unmodelled()) {
      out.add("not modelled yet, so not compared: " + u + " (declared)");
    }
    return List.copyOf(out);
  }

  private static List<SchemaChange> changes(Plan plan) {
    List<SchemaChange> out = new ArrayList<>();
    int part = 0;
    for (Segment s : plan.segments()) {
      part++;
      for (Step step : s.steps()) {
        List<String> hazards = new ArrayList<>();
        for (Hazard h : step.hazards()) {
          hazards.add(h.id());
        }
        out.add(new SchemaChange(part, s.transactional(), step.target().kind().name().toLowerCase(Locale.ROOT)
            .replace('_', ' '), step.target().toString(), step.action().name().toLowerCase(Locale.ROOT),
            step.what(), hazards, step.up(), step.down()));
      }
    }
    return out;
  }

  private static RetortException declared(DeclaredException e) {
    return new RetortException(RetortException.Kind.USAGE, e.file(), e.line(), e.getMessage(), e.hint(), null, null);
  }

  private static RetortException replay(ReplayException e) {
    return new RetortException(RetortException.Kind.ERROR, null, "the migrations do not replay on the scratch server: "
        + e.getMessage(), "fix the migration named above; the scratch server starts from an empty database");
  }

  // ---- timing

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException, DeclaredException, ReplayException, ProofException;
  }

  private <T> T timed(String phase, Work<T> work) throws SQLException {
    long start = System.nanoTime();
    try {
      return work.run();
    } catch (DeclaredException e) {
      throw declared(e);
    } catch (ReplayException e) {
      throw replay(e);
    } catch (ProofException e) {
      throw new RetortException(RetortException.Kind.ERROR, null, "the generated revision failed its proof, so"
          + " nothing was written: " + e.getMessage(), "the proof runs on head with a row in each table, as"
          + " production has: a column added NOT NULL needs a DEFAULT there, a type change must cast the values;"
          + " otherwise write this change by hand (or in smaller steps), and report the case");
    } catch (PlanException e) {
      throw new RetortException(RetortException.Kind.USAGE, null, e.getMessage(), e.hint());
    } finally {
      if (phase != null) {
        millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
      }
    }
  }

  /** The scratch work's phases (replay, load, introspection, proof) with the plan's diff added to theirs. */
  private Map<String, Long> phases(Scratchpad pad) {
    Map<String, Long> out = new LinkedHashMap<>(pad.millis());
    millis.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
