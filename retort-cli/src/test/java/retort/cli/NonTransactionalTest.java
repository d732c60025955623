package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code transactional: false} migration that stops half-way, as the user meets it on the command line. */
class NonTransactionalTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.execute("CREATE TABLE gate (id int)");
    p.file(B + "_indexes.sql", """
        -- revision: bbbbbbbbbbb2
        -- down_revision: aaaaaaaaaaa1
        -- message: indexes
        -- transactional: false
        -- +upgrade
        CREATE INDEX CONCURRENTLY users_a_idx ON users (id);
        SELECT 1 / (SELECT count(*) FROM gate);
        CREATE INDEX CONCURRENTLY users_b_idx ON users (id);
        -- +downgrade
        DROP INDEX CONCURRENTLY IF EXISTS users_b_idx;
        DROP INDEX CONCURRENTLY IF EXISTS users_a_idx;
        """);
  }

  private boolean index(String name) {
    return p.tableExists("public." + name);
  }

  @Test
  void stopHalfWayThenRefuseThenResume() {
    CliRun first = p.run("upgrade", "head");

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
    assertThat(first.err()).contains("versions/" + B + "_indexes.sql:7: ERROR 22012:");
    assertThat(index("users_a_idx")).isTrue();
    assertThat(index("users_b_idx")).isFalse();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.logRows()).last().isEqualTo(B + " upgrade partial");
    assertThat(p.query("SELECT last_statement FROM public.retort_log WHERE outcome = 'partial'")).containsExactly("1");

    CliRun refused = p.run("upgrade", "head");
    assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
    assertThat(refused.err()).contains("--resume").contains("stamp").doesNotContainIgnoringCase("dirty");
    assertThat(p.versionRows()).containsExactly(A);

    p.execute("INSERT INTO gate VALUES (1)");
    CliRun resumed = p.run("upgrade", "head", "--resume");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(index("users_a_idx")).isTrue();
    assertThat(index("users_b_idx")).isTrue();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.logRows()).last().isEqualTo(B + " upgrade applied");
  }

  @Test
  void stampIsTheOtherWayOutNamedByTheRefusal() {
    assertThat(p.run("upgrade", "head").exitCode()).isEqualTo(1);
    CliRun refused = p.run("upgrade", "head");
    assertThat(refused.err()).contains(" stamp`");
    // the operator finishes the migration by hand, then records it
    p.execute("CREATE INDEX users_b_idx ON users (id)");

    CliRun stamp = p.run("stamp", B);

    assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.logRows()).last().asString().startsWith(B + " stamp");
    CliRun up = p.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("Nothing to upgrade");
  }
}
