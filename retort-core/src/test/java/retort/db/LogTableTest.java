package retort.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;

/** The log table: every nullable column reads back as written, and an older table is brought to this shape. */
class LogTableTest {

  static final TableName VERSIONS = new TableName("public", "retort_version");

  @TempDir Path dir;

  /** The log's nullable columns, each written as null or as a value in every combination. */
  @Test
  void everyNullAndNonNullCombinationOfTheNullableColumnsReadsBackAsWritten() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(VERSIONS);
    Instant t = Instant.parse("2026-11-24T10:00:00Z");
    List<LogEntry> written = new ArrayList<>();
    try (Connection c = m.connect()) {
      store.create(c);
      for (int mask = 0; mask < 1 << 7; mask++) {
        LogEntry e = new LogEntry(0, "r" + mask, "upgrade", set(mask, 0) ? "v1:" + mask : null, t, t.plusMillis(mask),
            mask, null, set(mask, 1) ? "env" + mask : null, set(mask, 2) ? "tool" + mask : null, "partial",
            set(mask, 3) ? "error " + mask : null, set(mask, 4) ? mask % 5 : -1,
            set(mask, 5) ? "s" + mask : null, set(mask, 6) ? "h" + mask : null);
        store.log(c, e);
        written.add(e);
        LogEntry last = store.lastEntry(c).orElseThrow();
        assertThat(withoutDatabaseFields(last, e)).as("last entry, mask " + mask).isEqualTo(e);
      }
      List<LogEntry> read = store.entries(c);
      assertThat(read).hasSize(written.size());
      for (int i = 0; i < read.size(); i++) {
        LogEntry r = read.get(i);
        assertThat(r.databaseUser()).isEqualTo("postgres");
        assertThat(new LogEntry(0, r.revision(), r.direction(), r.checksum(), r.started(), r.finished(),
            r.durationMillis(), null, r.environment(), r.toolVersion(), r.outcome(), r.error(), r.lastStatement(),
            r.statements(), r.lineHashes())).as("entry " + i).isEqualTo(written.get(i));
      }
    }
    // 0 and NULL are told apart on the server too
    assertThat(m.column("SELECT count(*) FROM public.retort_log WHERE last_statement IS NULL")).containsExactly("64");
    long zeros = written.stream().filter(e -> e.lastStatement() == 0).count();
    assertThat(zeros).isPositive();
    assertThat(m.column("SELECT count(*) FROM public.retort_log WHERE last_statement = 0")).containsExactly("" + zeros);
  }

  private static boolean set(int mask, int bit) {
    return (mask & (1 << bit)) != 0;
  }

  /** The last entry as it would compare to what was written: no id, no user, the times it does not read. */
  private static LogEntry withoutDatabaseFields(LogEntry r, LogEntry written) {
    return new LogEntry(0, r.revision(), r.direction(), r.checksum(), written.started(), written.finished(),
        r.durationMillis(), null, r.environment(), r.toolVersion(), r.outcome(), r.error(), r.lastStatement(),
        r.statements(), r.lineHashes());
  }

  /** The log table as Retort 0.1 created it, with an unnamed outcome check that knew no `running`. */
  static final String OLD_LOG = "CREATE TABLE public.retort_log (\n"
      + "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
      + "    revision VARCHAR(32) NOT NULL,\n"
      + "    direction TEXT NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
      + "    checksum TEXT,\n"
      + "    started TIMESTAMPTZ NOT NULL,\n"
      + "    finished TIMESTAMPTZ NOT NULL,\n"
      + "    duration_ms BIGINT NOT NULL,\n"
      + "    db_user TEXT NOT NULL DEFAULT current_user,\n"
      + "    environment TEXT,\n"
      + "    tool_version TEXT,\n"
      + "    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'failed', 'partial')),\n"
      + "    error TEXT,\n"
      + "    last_statement INTEGER\n)";

  @Test
  void anOlderLogIsBroughtToThisShapeKeepingItsRowsAndAnOlderRetortsInsertsStillWork() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(VERSIONS);
    String oldInsert = "INSERT INTO public.retort_log (revision, direction, checksum, started, finished, duration_ms,"
        + " environment, tool_version, outcome, error, last_statement) VALUES ('a1', 'upgrade', 'v1:x', now(), now(),"
        + " 0, 'dev', '0.1', 'partial', 'boom', 2)";
    try (Connection c = m.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE public.retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
      s.execute(OLD_LOG);
      s.execute(oldInsert);
      SQLException refused = assertThrows(SQLException.class, () -> s.execute(oldInsert.replace("'partial'", "'running'")));
      assertThat(refused.getSQLState()).isEqualTo("23514");

      // read as it is, before anything brings it to this shape (a read-only command changes nothing)
      assertThat(store.look(c).complete()).isFalse();
      assertThat(store.entries(c)).extracting(e -> e.outcome() + " " + e.lastStatement() + " " + e.statements())
          .containsExactly("partial 2 null");
      assertThat(store.lastEntry(c, false).map(LogEntry::revision)).contains("a1");
      store.create(c);
      assertThat(store.look(c).complete()).isTrue();

      s.execute(oldInsert);                                     // an older Retort's insert
      s.execute(oldInsert.replace("'partial'", "'running'"));   // the new outcome
      store.create(c);                                          // a second time changes nothing
    }
    assertThat(m.column("SELECT outcome || ' ' || last_statement || ' ' || coalesce(statements, '-') FROM public.retort_log ORDER BY id"))
        .containsExactly("partial 2 -", "partial 2 -", "running 2 -");
    assertThat(m.column("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'public.retort_log'::regclass"
        + " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%outcome%'"))
        .singleElement().asString().contains("running");
  }
}
