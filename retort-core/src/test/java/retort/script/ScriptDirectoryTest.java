package retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.graph.GraphException;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.RevisionGraph;

class ScriptDirectoryTest {

  private static final String BASE = "1a0000000001";
  private static final String APARTMENTS = "2b0000000002";
  private static final String GUESTS = "3c0000000003";
  private static final String MERGE = "4d0000000004";
  private static final String BILLING = "5e0000000005";
  private static final String INVOICES = "6f0000000006";

  @TempDir Path tmp;

  private static Path branchMerge() throws URISyntaxException {
    return Path.of(ScriptDirectoryTest.class.getResource("/graphs/branch-merge").toURI());
  }

  @Test
  void loadsEveryMigrationFileSortedByName() throws Exception {
    ScriptDirectory dir = ScriptDirectory.load(branchMerge());

    assertThat(dir.scripts()).extracting(Script::id)
        .containsExactly(BASE, APARTMENTS, GUESTS, MERGE, BILLING, INVOICES);
    assertThat(dir.scripts()).extracting(Script::name)
        .allMatch(n -> n.startsWith("versions/") && n.endsWith(".sql"));
    assertThat(dir.location()).isEqualTo(branchMerge());
    assertThat(dir.versions()).isEqualTo(branchMerge().resolve("versions"));
  }

  @Test
  void graphHasTheMergeAndTheLabelledBranchAsHeads() throws Exception {
    RevisionGraph graph = ScriptDirectory.load(branchMerge()).graph();

    assertThat(graph.heads()).extracting(Revision::id).containsExactlyInAnyOrder(MERGE, INVOICES);
    assertThat(graph.bases()).extracting(Revision::id).containsExactly(BASE);
    assertThat(graph.resolve(MERGE).downRevisions()).containsExactly(APARTMENTS, GUESTS);
    assertThat(graph.resolve("billing").id()).isEqualTo(BILLING);
    assertThat(graph.resolve(INVOICES).dependsOn()).containsExactly(APARTMENTS);
  }

  @Test
  void scriptsAreFoundByIdAndByRevision() throws Exception {
    ScriptDirectory dir = ScriptDirectory.load(branchMerge());

    Script invoices = dir.script(INVOICES);
    assertThat(invoices.name()).isEqualTo("versions/6f0000000006_invoices.sql");
    assertThat(invoices.transactional()).isFalse();
    assertThat(invoices.upgrade().statements()).hasSize(2);
    assertThat(dir.script(dir.graph().resolve("billing")).message()).isEqualTo("billing schema");
    assertThat(dir.script("ffffffffffff")).isNull();
  }

  @Test
  void loadedGraphPlansFromBaseToEveryHead() throws Exception {
    ScriptDirectory dir = ScriptDirectory.load(branchMerge());

    var plan = new Planner(dir.graph()).upgrade(List.of(), "heads");

    assertThat(plan.steps()).hasSize(6);
    assertThat(plan.rowsAfter()).containsExactlyInAnyOrder(MERGE, INVOICES);
    assertThat(new Planner(dir.graph()).upgrade(List.of(), "billing@head").rowsAfter()).containsExactly(INVOICES);
  }

  @Test
  void missingVersionsDirectoryIsAScriptException() {
    ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptDirectory.load(tmp));

    assertThat(e).hasMessageContaining("versions");
    assertThat(e.file()).isEqualTo(tmp.toString());
    assertThat(e.line()).isZero();
    assertThat(e.hint()).contains("script_location");
  }

  @Test
  void emptyVersionsDirectoryIsAnEmptyGraph() throws Exception {
    Files.createDirectories(tmp.resolve("versions"));

    ScriptDirectory dir = ScriptDirectory.load(tmp);

    assertThat(dir.scripts()).isEmpty();
    assertThat(dir.graph().heads()).isEmpty();
  }

  @Test
  void brokenFileIsReportedByItsNameUnderVersions() throws Exception {
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(versions.resolve("aaaaaaaaaaaa_base.sql"), "-- revision: aaaaaaaaaaaa\n-- down_revision: none\n");

    ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptDirectory.load(tmp));

    assertThat(e.file()).isEqualTo("versions/aaaaaaaaaaaa_base.sql");
  }

  @Test
  void fileThatIsNotUtf8IsAScriptException() throws Exception {
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.write(versions.resolve("x.sql"), new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28});

    ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptDirectory.load(tmp));

    assertThat(e.file()).isEqualTo("versions/x.sql");
    assertThat(e).hasMessageContaining("UTF-8");
  }

  @Test
  void missingFileIsAScriptException() {
    ScriptException e = catchThrowableOfType(
        ScriptException.class, () -> ScriptDirectory.parse(tmp.resolve("nope.sql"), "versions/nope.sql"));

    assertThat(e.file()).isEqualTo("versions/nope.sql");
  }

  @Test
  void twoFilesWithOneRevisionIdAreNamedInTheError() throws Exception {
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    String text = "-- revision: aaaaaaaaaaaa\n-- down_revision: none\n-- +upgrade\nSELECT 1;\n";
    Files.writeString(versions.resolve("aaaaaaaaaaaa_one.sql"), text);
    Files.writeString(versions.resolve("aaaaaaaaaaaa_two.sql"), text);

    GraphException.DuplicateRevision e =
        catchThrowableOfType(GraphException.DuplicateRevision.class, () -> ScriptDirectory.load(tmp));

    assertThat(e.sources()).containsExactly("versions/aaaaaaaaaaaa_one.sql", "versions/aaaaaaaaaaaa_two.sql");
  }

  @Test
  void fileNamingAMissingParentIsNamedInTheError() throws Exception {
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(versions.resolve("bbbbbbbbbbbb_next.sql"),
        "-- revision: bbbbbbbbbbbb\n-- down_revision: aaaaaaaaaaaa\n-- +upgrade\nSELECT 1;\n");

    GraphException.MissingRevision e =
        catchThrowableOfType(GraphException.MissingRevision.class, () -> ScriptDirectory.load(tmp));

    assertThat(e.source()).isEqualTo("versions/bbbbbbbbbbbb_next.sql");
    assertThat(e.missing()).isEqualTo("aaaaaaaaaaaa");
  }

  @Test
  void onlySqlFilesAreRead() throws Exception {
    Path versions = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(versions.resolve("aaaaaaaaaaaa_base.sql"),
        "-- revision: aaaaaaaaaaaa\n-- down_revision: none\n-- +upgrade\nSELECT 1;\n");
    Files.writeString(versions.resolve("notes.txt"), "not a migration");
    Files.writeString(versions.resolve("aaaaaaaaaaaa_base.sql.orig"), "junk");
    Files.createDirectories(versions.resolve("old.sql"));

    ScriptDirectory dir = ScriptDirectory.load(tmp);

    assertThat(dir.scripts()).extracting(Script::id).containsExactly("aaaaaaaaaaaa");
  }
}
