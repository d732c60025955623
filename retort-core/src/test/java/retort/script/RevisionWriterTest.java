package retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionWriterTest {

  @TempDir Path location;

  private static final String CREATED = "2026-11-25T12:00:00Z";

  // ---- ids and slugs

  @Test
  void newIdIsTwelveLowercaseHexDigits() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String id = RevisionWriter.newId();
      assertThat(id).matches("[0-9a-f]{12}");
      ids.add(id);
    }
    assertThat(ids).hasSize(100);
  }

  @Test
  void slugIsLowercaseWordsJoinedByUnderscores() {
    assertThat(RevisionWriter.slug("Bookings cannot overlap!")).isEqualTo("bookings_cannot_overlap");
    assertThat(RevisionWriter.slug("  add  index -- CONCURRENTLY ")).isEqualTo("add_index_concurrently");
  }

  /** Each expected name is the one the real Alembic 1.8.1 (`alembic revision -m MSG`) gave its file. */
  @Test
  void slugKeepsUnicodeLettersAsAlembicDoes() {
    assertThat(RevisionWriter.slug("добавить отзывы")).isEqualTo("добавить_отзывы");
    assertThat(RevisionWriter.slug("Café déjà vu")).isEqualTo("café_déjà_vu");
    assertThat(RevisionWriter.slug("квартиры в Сочи v2")).isEqualTo("квартиры_в_сочи_v2");
    assertThat(RevisionWriter.slug("квартиры")).isEqualTo("квартиры");
    assertThat(RevisionWriter.slug("x²  Ⅻ")).isEqualTo("x²_ⅻ");
    assertThat(RevisionWriter.slug("snake_case__name")).isEqualTo("snake_case__name");
  }

  @Test
  void slugOfNothingUsableIsRevision() {
    assertThat(RevisionWriter.slug("")).isEqualTo("revision");             // Alembic: an empty slug, `<rev>_.py`
    assertThat(RevisionWriter.slug("!!! ???")).isEqualTo("revision");
  }

  @Test
  void slugIsCutAfterFortyCharactersAtTheLastUnderscoreAsAlembicDoes() {
    assertThat(RevisionWriter.slug("add the column that stores the nightly price in roubles for each apartment"))
        .isEqualTo("add_the_column_that_stores_the_nightly_");
    assertThat(RevisionWriter.slug("a".repeat(39) + " b")).isEqualTo("a".repeat(39) + "_");
    assertThat(RevisionWriter.slug("verylongwordwithoutanyspacesatallinthismessageokay"))
        .isEqualTo("verylongwordwithoutanyspacesatallinthism_");
    assertThat(RevisionWriter.slug("д".repeat(45))).isEqualTo("д".repeat(40) + "_");
  }

  // ---- rendering

  @Test
  void renderingDropsEmptyOptionalHeaderLines() throws IOException {
    String text = RevisionWriter.render(RevisionWriter.defaultTemplate(), values("", ""));

    assertThat(text).doesNotContain("branch_labels").doesNotContain("depends_on").doesNotContain("${");
    assertThat(text).contains("-- revision: 0123456789ab", "-- down_revision: none", "-- message: msg",
        "-- created: " + CREATED, "-- +upgrade", "-- +downgrade");
  }

  @Test
  void renderingKeepsOptionalHeaderLinesThatHaveAValue() throws IOException {
    String text = RevisionWriter.render(RevisionWriter.defaultTemplate(), values("billing", "7e6d5c4b3a21"));

    assertThat(text).contains("-- branch_labels: billing", "-- depends_on: 7e6d5c4b3a21");
  }

  @Test
  void renderingWritesAValueHoldingAPlaceholderAsItIs() {
    Map<String, String> values = Map.of(
        "revision", "0123456789ab", "down_revision", "none", "message", "rename ${revision} column",
        "created", CREATED, "branch_labels", "", "depends_on", "");

    assertThat(RevisionWriter.render("-- message: ${message}\n-- revision: ${revision}", values))
        .isEqualTo("-- message: rename ${revision} column\n-- revision: 0123456789ab");
  }

  @Test
  void renderingSubstitutesEachPlaceholderOnceWhateverTheValues() {
    Map<String, String> values = Map.of(
        "revision", "0123456789ab", "down_revision", "none", "message", "${created}",
        "created", "${message}", "branch_labels", "", "depends_on", "");

    assertThat(RevisionWriter.render("${message}|${created}", values)).isEqualTo("${created}|${message}");
  }

  @Test
  void renderingLeavesUnknownPlaceholdersAlone() {
    assertThat(RevisionWriter.render("-- ${unknown}: ${revision}", values("", "")))
        .isEqualTo("-- ${unknown}: 0123456789ab");
  }

  private static Map<String, String> values(String labels, String dependsOn) {
    return Map.of(
        "revision", "0123456789ab", "down_revision", "none", "message", "msg", "created", CREATED,
        "branch_labels", labels, "depends_on", dependsOn);
  }

  // ---- writing

  @Test
  void writtenBaseParsesBackAsABase() throws Exception {
    Path file = RevisionWriter.write(
        location, "0a1b2c3d4e5f", List.of(), "Create schema apartments", CREATED, List.of(), List.of());

    assertThat(file).isEqualTo(location.resolve("versions/0a1b2c3d4e5f_create_schema_apartments.sql"));
    Script script = ScriptDirectory.parse(file, "versions/" + file.getFileName());
    assertThat(script.id()).isEqualTo("0a1b2c3d4e5f");
    assertThat(script.revision().isBase()).isTrue();
    assertThat(script.message()).isEqualTo("Create schema apartments");
    assertThat(script.created()).isEqualTo(CREATED);
    assertThat(script.upgrade().present()).isTrue();
    assertThat(script.upgrade().statements()).isEmpty();
    assertThat(script.downgrade().present()).isTrue();
    assertThat(script.transactional()).isTrue();
  }

  @Test
  void writtenMergeParsesBackWithBothParentsLabelsAndDependencies() throws Exception {
    Path file = RevisionWriter.write(
        location, "abcdefabcdef", List.of("111111111111", "222222222222"), "merge heads", CREATED,
        List.of("billing"), List.of("333333333333"));

    Script script = ScriptDirectory.parse(file, "versions/" + file.getFileName());
    assertThat(script.revision().downRevisions()).containsExactly("111111111111", "222222222222");
    assertThat(script.revision().branchLabels()).containsExactly("billing");
    assertThat(script.revision().dependsOn()).containsExactly("333333333333");
  }

  @Test
  void multiLineMessageIsWrittenOnOneHeaderLine() throws Exception {
    Path file = RevisionWriter.write(
        location, "0a1b2c3d4e5f", List.of(), "first line\nsecond line", CREATED, List.of(), List.of());

    assertThat(ScriptDirectory.parse(file, "f.sql").message()).isEqualTo("first line second line");
  }

  @Test
  void environmentTemplateIsUsedWhenPresent() throws Exception {
    Files.writeString(location.resolve(ScriptDirectory.TEMPLATE),
        "-- revision: ${revision}\n-- down_revision: ${down_revision}\n-- message: ${message}\n"
            + "-- branch_labels: ${branch_labels}\n\n-- +upgrade\nSET search_path = apartments;\n");

    Path file = RevisionWriter.write(location, "0a1b2c3d4e5f", List.of("aaaaaaaaaaaa"), "custom", CREATED,
        List.of(), List.of());

    String text = Files.readString(file);
    assertThat(text).contains("SET search_path = apartments;").doesNotContain("branch_labels");
    Script script = ScriptDirectory.parse(file, "f.sql");
    assertThat(script.revision().downRevisions()).containsExactly("aaaaaaaaaaaa");
    assertThat(script.upgrade().statements()).hasSize(1);
    assertThat(script.downgrade().present()).isFalse();
  }

  @Test
  void writingOverAnExistingFileIsRefused() throws Exception {
    RevisionWriter.write(location, "0a1b2c3d4e5f", List.of(), "same", CREATED, List.of(), List.of());

    assertThatThrownBy(() ->
        RevisionWriter.write(location, "0a1b2c3d4e5f", List.of(), "same", CREATED, List.of(), List.of()))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void writtenFilesLoadAsAGraph() throws Exception {
    RevisionWriter.write(location, "aaaaaaaaaaaa", List.of(), "base", CREATED, List.of(), List.of());
    RevisionWriter.write(location, "bbbbbbbbbbbb", List.of("aaaaaaaaaaaa"), "next", CREATED, List.of(), List.of());

    ScriptDirectory dir = ScriptDirectory.load(location);

    assertThat(dir.graph().heads()).extracting(r -> r.id()).containsExactly("bbbbbbbbbbbb");
  }
}
