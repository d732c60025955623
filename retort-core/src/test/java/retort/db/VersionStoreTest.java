package retort.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Config;
import retort.DatabaseUrl;
import retort.Environment;
import retort.Migrations;
import retort.Retort;
import retort.RevisionInfo;
import retort.RetortListener;

class VersionStoreTest {

  static final TableName VERSIONS = new TableName("public", "retort_version");

  @TempDir Path dir;

  @Test
  void createTwiceIsIdempotentAndKeepsRows() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(VERSIONS);
    try (Connection c = m.connect()) {
      assertThat(store.exists(c)).isFalse();
      assertThat(store.heads(c)).isEmpty();
      assertThat(store.entries(c)).isEmpty();
      store.create(c);
      store.replace(c, List.of("abc123"));
      store.create(c);
      assertThat(store.exists(c)).isTrue();
      assertThat(store.heads(c)).containsExactly("abc123");
    }
    assertThat(m.column("SELECT count(*) FROM pg_class WHERE relname IN ('retort_version', 'retort_log')"))
        .containsExactly("2");
  }

  @Test
  void theVersionTableHasAlembicsShape() throws Exception {
    Migrations m = new Migrations(dir);
    try (Connection c = m.connect()) {
      new VersionStore(VERSIONS).create(c);
    }
    List<Map<String, Object>> columns = m.query("SELECT column_name, data_type, character_maximum_length, is_nullable"
        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'retort_version'");
    assertThat(columns).hasSize(1);
    assertThat(columns.get(0)).containsEntry("column_name", "version_num")
        .containsEntry("data_type", "character varying")
        .containsEntry("character_maximum_length", 32)
        .containsEntry("is_nullable", "NO");
    assertThat(m.column("SELECT conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'public.retort_version'::regclass"))
        .containsExactly("retort_version_pkc p PRIMARY KEY (version_num)");
  }

  @Test
  void applyAndLogRoundTrip() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(VERSIONS);
    try (Connection c = m.connect()) {
      store.create(c);
      store.replace(c, List.of("aaa", "bbb"));
      Instant t = Instant.parse("2026-11-24T10:00:00Z");
      store.log(c, new LogEntry(0, "aaa", "upgrade", "v1:" + "0".repeat(64), t, t.plusMillis(5), 5, null, "test",
          "1.0", "partial", "boom", 0));
      store.log(c, new LogEntry(0, "bbb", "downgrade", null, t, t, 0, null, null, null, "applied", null, -1));
      List<LogEntry> entries = store.entries(c);
      assertThat(entries).hasSize(2);
      assertThat(entries.get(0).revision()).isEqualTo("aaa");
      assertThat(entries.get(0).started()).isEqualTo(t);
      assertThat(entries.get(0).databaseUser()).isEqualTo("postgres");
      assertThat(entries.get(0).lastStatement()).isZero();
      assertThat(entries.get(0).error()).isEqualTo("boom");
      assertThat(entries.get(1).lastStatement()).isEqualTo(-1);
      assertThat(entries.get(1).id()).isGreaterThan(entries.get(0).id());
      assertThat(store.heads(c)).containsExactly("aaa", "bbb");
    }
  }

  @Test
  void aCustomSchemaAndTableFromConfigHoldBothTables() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    Retort retort = Retort.create(new Config(dir, "alembic_version", "ops", Environment.of("test", m.url)),
        () -> DatabaseUrl.parse(m.url).connect("retort"), "test db", RetortListener.NONE);

    retort.upgrade("head");

    assertThat(m.tableExists("ops.alembic_version")).isTrue();
    assertThat(m.tableExists("ops.retort_log")).isTrue();
    assertThat(m.tableExists("public.retort_version")).isFalse();
    assertThat(m.tableExists("public.retort_log")).isFalse();
    assertThat(m.tableExists("public.alembic_version")).isFalse();
    assertThat(m.column("SELECT version_num FROM ops.alembic_version")).containsExactly("aaaa00000001");
    assertThat(m.column("SELECT outcome FROM ops.retort_log")).containsExactly("applied");
    assertThat(m.column("SELECT conname FROM pg_constraint WHERE conrelid = 'ops.alembic_version'::regclass"))
        .containsExactly("alembic_version_pkc");
    assertThat(retort.current()).extracting(RevisionInfo::revision).containsExactly("aaaa00000001");
  }

  @Test
  void anExistingAlembicVersionTableIsAdopted() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    m.write("bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
    try (Connection c = m.connect()) {
      c.createStatement().execute("CREATE TABLE t1 (id int);"
          + "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
          + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));"
          + "INSERT INTO alembic_version VALUES ('aaaa00000001')");
    }
    Retort retort = Retort.create(new Config(dir, "alembic_version", null, Environment.of("test", m.url)),
        () -> DatabaseUrl.parse(m.url).connect("retort"), "test db", RetortListener.NONE);

    assertThat(retort.upgrade("head").steps()).extracting(s -> s.revision()).containsExactly("bbbb00000002");
    assertThat(m.column("SELECT version_num FROM public.alembic_version")).containsExactly("bbbb00000002");
    assertThat(m.tableExists("public.retort_log")).isTrue();
  }

  @Test
  void aQuotedSchemaName() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(new TableName("My Ops", "ver\"sions"));
    try (Connection c = m.connect()) {
      store.create(c);
      store.replace(c, List.of("x1"));
      assertThat(store.heads(c)).containsExactly("x1");
    }
    assertThat(m.tableExists("\"My Ops\".\"ver\"\"sions\"")).isTrue();
    assertThat(m.tableExists("\"My Ops\".retort_log")).isTrue();
  }

  @Test
  void anUnchangedLogIsConfirmedByTheDigestAloneAndAChangeIsFoundInTheList() throws Exception {
    Migrations m = new Migrations(dir);
    VersionStore store = new VersionStore(VERSIONS);
    Instant t = Instant.parse("2026-11-24T10:00:00Z");
    String one = "v1:" + "1".repeat(64);
    String two = "v1:" + "2".repeat(64);
    try (Connection c = m.connect()) {
      store.create(c);
      // ids whose byte order differs from a locale's (upper case, digits, underscores); a9 was undone
      store.log(c, new LogEntry(0, "b_2", "upgrade", "v1:" + "0".repeat(64), t, t, 0, null, null, null, "applied", null, -1));
      store.log(c, new LogEntry(0, "B_1", "upgrade", one, t, t, 0, null, null, null, "applied", null, -1));
      store.log(c, new LogEntry(0, "b_2", "stamp", two, t, t, 0, null, null, null, "applied", null, -1));
      store.log(c, new LogEntry(0, "a9", "upgrade", one, t, t, 0, null, null, null, "applied", null, -1));
      store.log(c, new LogEntry(0, "a9", "downgrade", one, t, t, 0, null, null, null, "applied", null, -1));
      Map<String, String> files = Map.of("B_1", one, "b_2", two);

      assertThat(store.changedChecksums(c, 2, () -> retort.script.Checksum.digest(files), () -> {
        throw new AssertionError("the digest should have matched the server's");
      })).isEmpty();

      Map<String, String> edited = Map.of("B_1", one, "b_2", one);
      assertThat(store.changedChecksums(c, 2, () -> retort.script.Checksum.digest(edited), () -> edited))
          .containsExactly("b_2");
    }
  }
}
