package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files that are wrong say where (file:line) and what to do; new files are named as Alembic names them. */
class MigrationFileErrorsTest {

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp, "postgresql://nobody@127.0.0.1:9/none");
    p.table("0001", null, "users");
    p.table("0002", "0001", "apartments");
    p.table("0003", "0002", "sources");
  }



  @Test
  void aDownRevisionThatNamesAFileNamesItsLineAndTheRevisionItMeant() {
    p.file("0004_reviews.sql", "-- revision: 0004\n-- message: reviews\n-- down_revision: 0003_add_sources\n"
        + "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 1;\n");

    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.error()).isEqualTo("error: versions/0004_reviews.sql:3: down_revision 0003_add_sources is not a known revision");
    assertThat(r.hint()).isEqualTo("hint: did you mean `0003`? down_revision names revision ids (each file's `-- revision:`),"
        + " not file names");
  }

  @Test
  void aMistypedParentSuggestsTheClosestId() {
    p.file("0004_reviews.sql", "-- revision: 0004\n-- down_revision: 0030\n-- +upgrade\nSELECT 1;\n");

    CliRun r = p.run("history");

    assertThat(r.error()).isEqualTo("error: versions/0004_reviews.sql:2: down_revision 0030 is not a known revision");
    assertThat(r.hint()).startsWith("hint: did you mean `0003`?");
  }

  @Test
  void aFileInAnotherEncodingNamesTheLineOfTheFirstBadByte() throws Exception {
    Files.write(p.versions().resolve("0004_reviews.sql"), ("-- revision: 0004\n-- down_revision: 0003\n"
        + "-- message: отзывы\n-- +upgrade\nSELECT 1;\n").getBytes(Charset.forName("windows-1251")));

    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.error()).isEqualTo("error: versions/0004_reviews.sql:3: byte 0xEE is not UTF-8: the file is in another encoding");
    assertThat(r.hint()).contains("save it as UTF-8").contains("iconv -f WINDOWS-1251 -t UTF-8");
  }

  @Test
  void sqlAboveTheHeaderIsReportedAsSuch() {
    p.file("0004_reviews.sql", "\nCREATE TABLE reviews (id bigint);\n-- revision: 0004\n-- down_revision: 0003\n"
        + "-- +upgrade\nSELECT 1;\n");

    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.error()).isEqualTo("error: versions/0004_reviews.sql:2: SQL before the header: its `-- revision:` is on line 3,"
        + " below this line");
    assertThat(r.hint()).contains("move the header");
  }

  @Test
  void aRevisionMessageInRussianKeepsItsLettersInTheFileName() {
    CliRun r = p.run("revision", "-m", "добавить отзывы", "--rev-id", "0004");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionFiles()).contains("0004_добавить_отзывы.sql");
    assertThat(r.out()).contains("versions/0004_добавить_отзывы.sql");
    assertThat(p.run("heads").out()).isEqualTo("0004 (head)\n");
  }
}
