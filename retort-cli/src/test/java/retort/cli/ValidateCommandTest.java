package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code stamp --update-checksum}: an edited applied migration is caught, and an intended edit accepted. */
class ValidateCommandTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;
  Path fileA;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    fileA = p.table(A, null, "users");
    p.table(B, A, "apartments");
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
  }

  @Test
  void validPassesWhenTheFilesAreAsApplied() {
    CliRun r = p.run("validate");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Valid");
  }

  @Test
  void anEditedAppliedMigrationIsCaughtByValidateAndUpgrade() {
    Project.write(fileA, Project.read(fileA).replace("id bigint", "id  bigint"));

    CliRun validate = p.run("validate");
    CliRun upgrade = p.run("upgrade", "head");

    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(validate.err()).contains("versions/" + fileA.getFileName()).contains("changed after being applied");
    assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(upgrade.err()).contains("versions/" + fileA.getFileName()).contains("--allow-changed");
  }

  @Test
  void whitespaceAndLineEndingsDoNotCountAsAnEdit() {
    Project.write(fileA, Project.read(fileA).replace("\n", "   \r\n"));

    CliRun r = p.run("validate");

    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void stampUpdateChecksumAcceptsAnIntendedEditWithoutMovingTheVersion() {
    Project.write(fileA, Project.read(fileA).replace("id bigint", "id  bigint"));

    CliRun stamp = p.run("stamp", "--update-checksum", A);

    assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.run("validate").exitCode()).isZero();
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    assertThat(p.logRows()).endsWith(A + " stamp applied");
  }

  @Test
  void upgradeWithAllowChangedRunsOverAnEditedMigration() {
    Project.write(fileA, Project.read(fileA).replace("id bigint", "id  bigint"));
    p.table("ccccccccccc3", B, "reviews");

    CliRun r = p.run("upgrade", "head", "--allow-changed");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly("ccccccccccc3");
  }
}
