package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * {@code retort drift} as a user runs it: the findings on standard output, the verdict on standard
 * error, exit 0 / 1 / 2, {@code --format json} and {@code --sql} (printed, never run).
 */
class DriftCommandTest {

  static final String A = "aaaaaaaaaaa1";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.writeToml("script_location = \"migrations\"\nscratch_url = \"" + TestPostgres.url("postgres")
        + "\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n");
    p.migration(A, null, "bookings", "CREATE SCHEMA apartments;\n"
        + "CREATE TABLE apartments.bookings (id bigint PRIMARY KEY, guest text NOT NULL);",
        "DROP SCHEMA apartments CASCADE;");
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
  }

  @Test
  void noDriftAfterACleanUpgradeThenEachHandMadeChangeNamed() {
    CliRun clean = p.run("drift");
    assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(ExitCode.OK);
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).contains("No drift: the database is what " + A + " makes");

    p.execute("ALTER TABLE apartments.bookings ADD COLUMN note text;"
        + " ALTER TABLE apartments.bookings ALTER COLUMN guest TYPE varchar(200)");
    CliRun drifted = p.run("drift");

    assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(drifted.out()).isEqualTo("apartments.bookings.guest: column changed outside migrations: type text →"
        + " character varying(200)\napartments.bookings.note: column added outside migrations\n");
    assertThat(drifted.err()).contains("has drifted: 2 objects differ from what " + A + " makes", "toml drift --sql` prints the SQL that takes it back");

    CliRun json = p.run("drift", "--format", "json");
    assertThat(json.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(json.out()).startsWith("[\n").contains("{\"kind\": \"column\", \"object\": \"apartments.bookings.guest\","
        + " \"change\": \"changed\", \"attributes\": [{\"name\": \"type\", \"recorded\": \"text\", \"live\":"
        + " \"character varying(200)\"}], \"description\": ")
        .contains("\"object\": \"apartments.bookings.note\", \"change\": \"added\", \"attributes\": []");

    CliRun sql = p.run("drift", "--sql");
    assertThat(sql.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(sql.out()).contains("ALTER TABLE apartments.bookings DROP COLUMN note;",
        "ALTER TABLE apartments.bookings ALTER COLUMN guest TYPE text");
    assertThat(p.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'bookings' AND column_name = 'note'"))
        .as("drift --sql runs nothing").containsExactly("1");
  }

  @Test
  void aRevisionTheCheckoutDoesNotKnowIsExit2() {
    p.execute("UPDATE public.retort_version SET version_num = 'fffffffffff9'");

    CliRun r = p.run("drift");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("records revision fffffffffff9, which this checkout does not know");
  }

  @Test
  void envsDriftAddsAColumnForEachReachableEnvironment() {
    String staging = TestPostgres.newDatabase();
    p.writeToml("script_location = \"migrations\"\nscratch_url = \"" + TestPostgres.url("postgres")
        + "\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n\n[env.staging]\nurl = \"" + staging + "\"\n\n"
        + "[env.prod]\nurl = \"postgresql://bot@127.0.0.1:1/easysochi\"\n");
    assertThat(p.run("-e", "staging", "upgrade", "head").exitCode()).isZero();
    Project.execute(staging, "CREATE INDEX bookings_guest_idx ON apartments.bookings (guest)");

    CliRun r = p.run("envs", "--drift");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("dev").contains(A + " (head), up to date  no drift");
    assertThat(lines[1]).startsWith("staging").contains(A + " (head), up to date  drifted: 1 object");
    assertThat(lines[2]).startsWith("prod").contains("unreachable").doesNotContain("drift");
    assertThat(p.run("envs").out()).doesNotContain("drift");
  }
}
