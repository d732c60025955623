package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors of the database that a migration's author or a DBA can act on: privileges, enum values. */
class DatabaseErrorsTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
  }

  /** The project's URL, as another role. */
  private String as(String role) {
    return p.url.replace("user=postgres", "user=" + role);
  }

  @Test
  void aRoleThatMayNotCreateInTheSchemaIsToldWhichPrivilegeForWhat() {
    String role = "nocreate_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    p.execute("CREATE ROLE " + role + " LOGIN");

    CliRun r = p.run("--url", as(role), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Position:").doesNotContain("see the message above");
    assertThat(r.error()).endsWith(": the role may not create tables in schema public (it lacks CREATE on it),"
        + " and Retort creates its version table and log there on the first run");
    assertThat(r.hint()).isEqualTo("hint: as the schema's owner: GRANT CREATE ON SCHEMA public TO the migrating role;"
        + " or run the first `retort -c " + p.toml + " --url " + r.hint().replaceAll(".*--url (\\S+) .*", "$1")
        + " upgrade` as the owner, or set version_table_schema to a schema the role may create in");
    assertThat(p.versionTableExists()).isFalse();
  }

  @Test
  void aRoleThatMayNotReadTheVersionTableIsToldWhichPrivilege() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    String role = "noselect_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    p.execute("CREATE ROLE " + role + " LOGIN");

    CliRun r = p.run("--url", as(role), "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Position:");
    assertThat(r.error()).contains("permission denied on postgresql://" + role + "@localhost:")
        .endsWith(": the role lacks a privilege on Retort's table retort_version: SELECT to read which revisions are"
            + " applied, INSERT, UPDATE and DELETE to record a run");
    assertThat(r.hint()).isEqualTo("hint: as the table's owner: GRANT SELECT, INSERT, UPDATE, DELETE ON retort_version"
        + " TO the migrating role (SELECT alone, on the version table and the log, for current, history and check)");

    p.execute("GRANT SELECT ON public.retort_version, public.retort_log TO " + role);
    CliRun granted = p.run("--url", as(role), "current");
    assertThat(granted.exitCode()).as(granted.toString()).isZero();
    assertThat(granted.out()).isEqualTo(A + " (head)\n");
  }

  @Test
  void anEnumValueUsedWhereItWasAddedShowsPostgresHintAndTheWayOut() {
    p.migration(B, A, "mood", "CREATE TYPE mood AS ENUM ('happy');", "DROP TYPE mood;");
    p.migration("ccccccccccc3", B, "sad", "ALTER TYPE mood ADD VALUE 'sad';\nCREATE TABLE feelings (m mood DEFAULT 'sad');",
        "DROP TABLE feelings;");
    assertThat(p.run("upgrade", B).exitCode()).isZero();

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.error()).contains("ERROR 55P04: unsafe use of new value \"sad\" of enum type mood");
    assertThat(r.hint()).startsWith("hint: PostgreSQL: New enum values must be committed before they can be used."
        + " Split the migration in two: `ALTER TYPE ... ADD VALUE` in one revision, and what uses the new value in"
        + " the next one");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.feelings")).isFalse();
  }
}
