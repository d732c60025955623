package retort.run;

import java.util.List;
import retort.db.LogEntry;
import retort.db.Sql;
import retort.db.VersionStore;
import retort.graph.Plan;
import retort.graph.Step;
import retort.graph.VersionChange;
import retort.script.Script;
import retort.script.ScriptDirectory;

/**
 * Offline mode: the SQL a plan would run, written out for a person or psql to run instead of Retort,
 * with no database connection. Each migration is one BEGIN/COMMIT block with its version-table change
 * and log row, as online; a non-transactional one is written outside any transaction block. The
 * settings are the online ones, and the session is put back after a migration that may have changed
 * it, so that psql runs each migration as a run of Retort would.
 */
public final class OfflineScript {

  private final ScriptDirectory scripts;
  private final VersionStore store;
  private final RunSettings settings;

  public OfflineScript(ScriptDirectory scripts, VersionStore store, RunSettings settings) {
    this.scripts = scripts;
    this.store = store;
    this.settings = settings;
  }

  /** The script for a plan; {@code title} says what it does, e.g. "upgrade base:head". */
  public String render(Plan plan, String title) {
    StringBuilder sql = new StringBuilder(4096 + plan.steps().size() * 512);
    sql.append("-- Retort ").append(settings.toolVersion()).append(" offline script: ").append(title).append('\n');
    sql.append("-- Run it with: psql -v ON_ERROR_STOP=1 -f FILE\n\n");
    sql.append("BEGIN;\n\n");
    for (String create : store.createStatements()) {
      sql.append(create).append(";\n\n");
    }
    sql.append("COMMIT;\n\n");
    for (Step step : plan.steps()) {
      step(sql, step, scripts.script(step.revision()));
    }
    return sql.toString();
  }

  private void step(StringBuilder sql, Step step, Script script) {
    List<String> down = step.revision().downRevisions();
    String parents = down.isEmpty() ? "" : String.join(", ", down);
    sql.append("-- Running ").append(step.direction().word()).append(' ')
        .append(step.isUpgrade() ? parents + " -> " + script.id() : script.id() + " -> " + parents)
        .append(", ").append(script.message().replace('\n', ' ')).append('\n');
    List<retort.sql.Statement> statements =
        step.isUpgrade() ? script.upgrade().statements() : script.downgrade().statements();
    StepSettings stepSettings = new StepSettings(settings, false);
    if (script.transactional()) {
      sql.append("BEGIN;\n\n");
      lines(sql, stepSettings.offline(true));
      statements(sql, statements);
      if (SessionState.mayChange(statements)) {
        lines(sql, SessionState.offline());
        lines(sql, stepSettings.offline(true));
      }
    } else {
      sql.append("-- ").append(script.name()).append(" is not transactional: its statements run outside a transaction block\n\n");
      lines(sql, stepSettings.offline(false));
      statements(sql, statements);
      lines(sql, SessionState.offline());
      sql.append("BEGIN;\n\n");
    }
    versionChange(sql, step.change());
    sql.append(store.log().appendSql(new LogEntry(0, script.id(), step.direction().word(), script.checksum(), null, null,
        0, null, "offline", settings.toolVersion(), LogEntry.APPLIED, null, -1, null, null))).append(";\n\n");
    sql.append("COMMIT;\n\n");
  }

  private static void lines(StringBuilder sql, List<String> statements) {
    for (String s : statements) {
      sql.append(s).append(";\n\n");
    }
  }

  /** The statements as psql reads them: a COPY ... FROM STDIN with its data and the line that ends it. */
  private static void statements(StringBuilder sql, List<retort.sql.Statement> statements) {
    for (retort.sql.Statement s : statements) {
      sql.append(s.sql()).append(";\n");
      if (s.copyData() != null) {
        sql.append(s.copyData()).append(s.copyData().isEmpty() || s.copyData().endsWith("\n") ? "" : "\n").append("\\.\n");
      }
      sql.append('\n');
    }
  }

  private void versionChange(StringBuilder sql, VersionChange change) {
    String table = store.versionTable().sql();
    for (String id : change.deletes()) {
      sql.append("DELETE FROM ").append(table).append(" WHERE version_num = ").append(Sql.literal(id)).append(";\n\n");
    }
    if (change.hasUpdate()) {
      sql.append("UPDATE ").append(table).append(" SET version_num = ").append(Sql.literal(change.updateTo()))
          .append(" WHERE version_num = ").append(Sql.literal(change.updateFrom())).append(";\n\n");
    }
    for (String id : change.inserts()) {
      sql.append("INSERT INTO ").append(table).append(" (version_num) VALUES (").append(Sql.literal(id)).append(");\n\n");
    }
  }
}
