package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionCommandTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
  }

  static String header(String text, String key) {
    Matcher m = Pattern.compile("(?m)^-- " + key + ": *(.*?) *$").matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private List<String> newFiles(List<String> before) {
    return p.versionFiles().stream().filter(f -> !before.contains(f)).toList();
  }

  @Test
  void revisionWritesAFileParentedOnTheHeadAndUpgradeAppliesItOnceEdited() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    List<String> before = p.versionFiles();

    CliRun r = p.run("revision", "-m", "add reviews");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> created = newFiles(before);
    assertThat(created).hasSize(1);
    String name = created.get(0);
    assertThat(name).matches("[0-9a-f]{12}_add_reviews\\.sql");
    assertThat(r.out()).contains("versions/" + name);
    Path file = p.versions().resolve(name);
    String text = Project.read(file);
    String id = name.substring(0, 12);
    assertThat(header(text, "revision")).isEqualTo(id);
    assertThat(header(text, "down_revision")).isEqualTo(B);
    assertThat(header(text, "message")).isEqualTo("add reviews");
    assertThat(text).contains("-- +upgrade").contains("-- +downgrade");

    // the empty revision is a valid migration: history lists it as the head
    CliRun heads = p.run("heads");
    assertThat(heads.out().strip()).isEqualTo(id + " (head)");

    Project.write(file, text
        .replace("-- +upgrade\n", "-- +upgrade\nCREATE TABLE reviews (id bigint PRIMARY KEY, body text);\n")
        .replace("-- +downgrade\n", "-- +downgrade\nDROP TABLE reviews;\n"));

    CliRun up = p.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("Upgraded 1 revision");
    assertThat(p.tableExists("public.reviews")).isTrue();
    assertThat(p.versionRows()).containsExactly(id);
    assertThat(p.logRows()).last().isEqualTo(id + " upgrade applied");

    CliRun down = p.run("downgrade", "-1");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(p.tableExists("public.reviews")).isFalse();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void revisionInAnEmptyProjectIsABase() {
    Project empty = Project.create(tmp.resolve("empty"));

    CliRun r = empty.run("revision", "-m", "first");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(empty.versionFiles()).hasSize(1);
    String text = Project.read(empty.versions().resolve(empty.versionFiles().get(0)));
    assertThat(header(text, "down_revision")).isEqualTo("none");
  }

  @Test
  void revisionWithTwoHeadsFailsNamingBothUnlessHeadIsGiven() {
    String c = "ccccccccccc3";
    p.table(c, A, "reviews");
    List<String> before = p.versionFiles();

    CliRun r = p.run("revision", "-m", "next");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(B).contains(c).contains("--head");
    assertThat(p.versionFiles()).isEqualTo(before);

    CliRun chosen = p.run("revision", "-m", "next", "--head", c);

    assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
    List<String> created = newFiles(before);
    assertThat(created).hasSize(1);
    assertThat(header(Project.read(p.versions().resolve(created.get(0))), "down_revision")).isEqualTo(c);
  }

  @Test
  void revIdSetsTheId() {
    CliRun r = p.run("revision", "-m", "with id", "--rev-id", "0123456789ab");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionFiles()).contains("0123456789ab_with_id.sql");
    String text = Project.read(p.versions().resolve("0123456789ab_with_id.sql"));
    assertThat(header(text, "revision")).isEqualTo("0123456789ab");
    assertThat(header(text, "down_revision")).isEqualTo(B);
  }

  @Test
  void revIdThatExistsIsRefused() {
    List<String> before = p.versionFiles();

    CliRun r = p.run("revision", "-m", "again", "--rev-id", A);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(A).contains("already exists");
    assertThat(p.versionFiles()).isEqualTo(before);
  }

  @Test
  void revisionWithoutMessageIsAUsageError() {
    CliRun r = p.run("revision");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--message");
  }
}
