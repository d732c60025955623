package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file:line of a failing statement, as the user sees it, after everything the lexer must skip. */
class SqlErrorLocationTest {

  static final String A = "aaaaaaaaaaa1";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
  }

  @Test
  void lineAfterDollarQuotesCommentsAndStrings() {
    p.file("bbbbbbbbbbb2_tricky.sql", """
        -- revision: bbbbbbbbbbb2
        -- down_revision: aaaaaaaaaaa1
        -- message: tricky
        -- +upgrade
        CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
          RETURN 'a;b';
        END;
        $$;
        /* a block comment; /* nested; */ still comment; */
        INSERT INTO users VALUES (1); -- trailing; comment
        SELECT E'it\\'s;', 'x''y;';

        SELECT *
          FROM no_such_table;
        -- +downgrade
        DROP FUNCTION f();
        """);

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    // the statement starts on line 14; the server's error position (no_such_table) is on line 15
    assertThat(r.err()).contains("versions/bbbbbbbbbbb2_tricky.sql:15: ERROR 42P01:");
    assertThat(p.query("SELECT count(*) FROM pg_proc WHERE proname = 'f'")).containsExactly("0");
    assertThat(p.query("SELECT count(*) FROM users")).containsExactly("0");
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.logRows()).last().isEqualTo("bbbbbbbbbbb2 upgrade failed");
  }

  @Test
  void crlfFileKeepsItsLineNumbers() {
    p.file("bbbbbbbbbbb2_crlf.sql", String.join("\r\n",
        "-- revision: bbbbbbbbbbb2",
        "-- down_revision: aaaaaaaaaaa1",
        "-- message: crlf",
        "-- +upgrade",
        "CREATE TABLE crlf (id int);",
        "",
        "SELECT * FROM no_such_table;",
        "-- +downgrade",
        "DROP TABLE crlf;",
        ""));

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("versions/bbbbbbbbbbb2_crlf.sql:7: ERROR 42P01:");
    assertThat(p.tableExists("public.crlf")).isFalse();
  }

  @Test
  void uniqueViolationCarriesItsSqlState() {
    p.migration("bbbbbbbbbbb2", A, "dup rows",
        "INSERT INTO users VALUES (1);\nINSERT INTO users VALUES (1);", "DELETE FROM users;");

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("versions/bbbbbbbbbbb2_dup_rows.sql:6: ERROR 23505:");
    assertThat(p.query("SELECT count(*) FROM users")).containsExactly("0");
  }

  @Test
  void missingParentNamesTheFileOnce() {
    p.table("bbbbbbbbbbb2", "deadbeef0000", "b");
    // actual: error: versions/bbbbbbbbbbb2_create_b.sql: versions/bbbbbbbbbbb2_create_b.sql: down_revision ...

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).isEqualTo(2);
    String line = r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElseThrow();
    assertThat(line.split("versions/bbbbbbbbbbb2_create_b.sql", -1)).hasSize(2);
  }
}
