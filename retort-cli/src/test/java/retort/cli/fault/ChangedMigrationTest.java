package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.cli.Main;

/** A migration edited after it was applied is caught before anything runs. */
class ChangedMigrationTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path tmp;
  FaultProject p;
  String fileA;
  String appliedChecksum;

  @BeforeEach
  void appliedThenEdited() {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, A, "beta", "CREATE TABLE beta (id int);", "DROP TABLE beta;");
    FaultProject.Result up = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    appliedChecksum = p.query("SELECT checksum FROM public.retort_log WHERE revision = '" + A + "'").get(0);

    // the classic silent drift: someone edits an applied migration, and adds a new one
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int, name text);", "DROP TABLE alpha;");
    p.migration(C, B, "gamma", "CREATE TABLE gamma (id int);", "DROP TABLE gamma;");
    fileA = FaultProject.fileName(A, "alpha");
  }

  @AfterEach
  void killLeftovers() {
    p.killChildren();
  }

  @Test
  void upgradeRefusesAnEditedAppliedMigrationUnlessAllowed() {
    FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).as(r.toString()).doesNotContain("\tat ");
    assertThat(r.errorLines()).as(r.toString()).hasSize(2);
    assertThat(r.errorLines().get(0)).as(r.toString()).startsWith("error: ").contains(fileA).contains("changed")
        .doesNotContain(B).doesNotContain(C)
        .contains("the checksum logged when it ran is " + appliedChecksum + ", the file's is now v1:")
        .contains("the first changed line is " + fileA + ":6");
    assertThat(r.errorLines().get(1)).as(r.toString()).startsWith("hint: ").contains("--allow-changed");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.gamma")).isFalse();
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied");

    FaultProject.Result allowed = p.run(Duration.ofSeconds(60), "upgrade", "head", "--allow-changed");

    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(allowed.out()).contains("Upgraded 1 revision");
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.tableExists("public.gamma")).isTrue();
  }

  @Test
  void validateReportsTheEditedMigrationAndStampUpdateChecksumAcceptsIt() {
    // `retort validate --help` exits 2 (subcommands have no --help), so look for it in `retort --help`
    assumeTrue(inProcess("--help").contains("validate"), "`retort validate` does not exist yet");

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "validate");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).as(r.toString()).doesNotContain("\tat ");
    assertThat(r.errorLines()).as(r.toString()).hasSize(2);
    assertThat(r.errorLines().get(0)).as(r.toString()).startsWith("error: ").contains(fileA).contains("changed")
        .doesNotContain(FaultProject.fileName(B, "beta"));
    assertThat(r.errorLines().get(1)).as(r.toString()).startsWith("hint: ");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied");

    // an intended edit is accepted once, after which validate and a plain upgrade pass
    FaultProject.Result accept = p.run(Duration.ofSeconds(60), "stamp", "--update-checksum", A);
    assertThat(accept.exitCode()).as(accept.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    FaultProject.Result valid = p.run(Duration.ofSeconds(60), "validate");
    assertThat(valid.exitCode()).as(valid.toString()).isZero();
    FaultProject.Result up = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(C);
  }

  @Test
  void downgradeRefusesAnEditedAppliedMigrationAsUpgradeDoes() {
    FaultProject.Result r = p.run(Duration.ofSeconds(60), "downgrade", "-1");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.errorLines().get(0)).as(r.toString()).contains(fileA).contains("changed after being applied")
        .contains(appliedChecksum).contains(fileA + ":6");
    assertThat(r.errorLines().get(1)).as(r.toString()).contains("--update-checksum");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.beta")).isTrue();
  }

  @Test
  void checkRefusesAnEditedAppliedMigrationEvenAtHead() {
    // at head: the pending gamma goes, so that only the edit of alpha is wrong
    try {
      java.nio.file.Files.delete(p.versions().resolve(C + "_gamma.sql"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "check");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.errorLines().get(0)).as(r.toString()).contains(fileA).contains("changed after being applied");
  }

  @Test
  void anEditOfCommentsOnlyIsSaidToBeOne() {
    p.migration(A, null, "alpha", "-- the users' table\nCREATE TABLE alpha (id int);", "DROP TABLE alpha;");

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "validate");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.errorLines().get(0)).as(r.toString()).contains(fileA).contains("no statement changed, only comments");
  }

  @Test
  void lineEndingsAndTrailingWhitespaceAreNotAChange() {
    // A as it was applied, but with CRLF line ends and trailing blanks: the same checksum
    Path file = p.versions().resolve(A + "_alpha.sql");
    FaultProject.write(file, ("-- revision: " + A + "  \n-- down_revision: none\n-- message: alpha\n\n-- +upgrade\n"
        + "CREATE TABLE alpha (id int);   \n\n-- +downgrade\nDROP TABLE alpha;\t\n").replace("\n", "\r\n"));

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(C);
  }

  /** The standard output and error of an in-process run. */
  private static String inProcess(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (PrintStream stream = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
      Main.run(args, stream, stream);
    }
    return sink.toString(StandardCharsets.UTF_8);
  }
}
