package retort.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/**
 * Every revision starts from the same session state: what a revision changes with SET (search_path,
 * a role, the session authorization, any setting) does not leak into the next one, so that applying
 * the revisions in one run builds the same catalog as applying them one command at a time.
 */
class SessionStateTest {

  /** Roles are cluster-wide: a name of this test's own. */
  static final String ROLE = "t_sess_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  @TempDir Path dir;
  final List<String> databases = new java.util.ArrayList<>();

  @BeforeEach
  void createRole() throws Exception {
    exec(TestPostgres.url("postgres"), "CREATE ROLE " + ROLE + " NOLOGIN");
  }

  @AfterEach
  void dropRole() throws Exception {
    for (String db : databases) {
      exec(db, "DROP OWNED BY " + ROLE);
    }
    exec(TestPostgres.url("postgres"), "DROP ROLE IF EXISTS " + ROLE);
  }

  /** Revisions that change the session, each followed by one that creates something the change would move. */
  private Migrations migrations(String url) {
    databases.add(url);
    Migrations m = new Migrations(dir, url);
    m.write("a1", null, "CREATE SCHEMA foo;\nSET search_path TO foo;\nCREATE TABLE in_foo (id int);",
        "DROP SCHEMA foo CASCADE;");
    m.write("a2", "a1", "CREATE TABLE after_search_path (id int);", "DROP TABLE after_search_path;");
    m.write("a3", "a2", false, "SET search_path TO foo;\nCREATE INDEX CONCURRENTLY in_foo_id ON in_foo (id);",
        "DROP INDEX CONCURRENTLY foo.in_foo_id;");
    m.write("a4", "a3", "CREATE TABLE after_autocommit (id int);", "DROP TABLE after_autocommit;");
    m.write("a5", "a4", "GRANT CREATE ON SCHEMA foo TO " + ROLE + ";\nSET ROLE " + ROLE + ";\n"
        + "CREATE TABLE foo.owned_by_role (id int);", "DROP TABLE foo.owned_by_role;\nREVOKE CREATE ON SCHEMA foo FROM "
        + ROLE + ";");
    m.write("a6", "a5", "CREATE TABLE after_role (id int);", "DROP TABLE after_role;");
    m.write("a7", "a6", "SET SESSION AUTHORIZATION " + ROLE + ";\nCREATE TABLE foo.by_authorization (id int);\n"
        + "SELECT set_config('datestyle', 'SQL, DMY', false);", "DROP TABLE foo.by_authorization;");
    m.write("a8", "a7", "CREATE TABLE after_authorization AS SELECT current_setting('DateStyle') AS style,"
        + " current_user::text AS who;", "DROP TABLE after_authorization;");
    return m;
  }

  @Test
  void oneRunAndOneCommandPerRevisionBuildTheSameCatalog() throws Exception {
    Migrations batch = migrations(TestPostgres.newDatabase());
    batch.retort().upgrade("head");

    Migrations single = migrations(TestPostgres.newDatabase());
    for (int i = 0; i < 8; i++) {
      single.retort().upgrade("+1");
    }
    assertThat(single.versions()).containsExactly("a8");
    assertThat(batch.versions()).containsExactly("a8");

    CatalogSnapshot one = snapshot(batch);
    assertThat(one.diff(snapshot(single))).isEmpty();
    assertThat(batch.column("SELECT table_schema || '.' || table_name FROM information_schema.tables"
        + " WHERE table_name LIKE 'after_%' ORDER BY 1"))
        .containsExactly("public.after_authorization", "public.after_autocommit", "public.after_role",
            "public.after_search_path");
    assertThat(batch.column("SELECT tableowner FROM pg_tables WHERE tablename LIKE 'after_%'"))
        .containsOnly("postgres");
    assertThat(batch.column("SELECT style || ' ' || who FROM after_authorization"))
        .isEqualTo(single.column("SELECT style || ' ' || who FROM after_authorization"))
        .containsExactly("ISO, MDY postgres");

    // and the downgrade, in one run, undoes every revision where it made its objects
    batch.retort().downgrade("base");
    assertThat(batch.column("SELECT count(*) FROM pg_class WHERE relname LIKE 'after_%' OR relname = 'in_foo'"))
        .containsExactly("0");
  }

  private static CatalogSnapshot snapshot(Migrations m) throws Exception {
    try (Connection c = m.connect()) {
      return CatalogSnapshot.take(c, List.of("public", "foo"), ROLE);
    }
  }

  private static void exec(String url, String sql) throws Exception {
    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
