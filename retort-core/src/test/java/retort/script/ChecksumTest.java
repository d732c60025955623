package retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumTest {

  /**
   * The documented algorithm, written out independently: SHA-256 over the normalised upgrade text, a
   * zero byte, and the normalised downgrade text, as {@code v1:<lowercase hex>}.
   */
  private static String expectedV1(String normalisedUpgrade, String normalisedDowngrade) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(normalisedUpgrade.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(normalisedDowngrade.getBytes(StandardCharsets.UTF_8));
    return "v1:" + HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void smallInputHasTheDocumentedSha256Value() throws Exception {
    String checksum = Checksum.of("CREATE TABLE t (id int);", "DROP TABLE t;");

    assertThat(checksum).isEqualTo(expectedV1("CREATE TABLE t (id int);", "DROP TABLE t;"));
    assertThat(checksum).isEqualTo("v1:c1a1324732033eecb84a7f9483d07c709583dbfb69b77c28bae084d629e052fb");
  }

  @Test
  void valueIsNormalisedBeforeHashing() throws Exception {
    String raw = "\uFEFF\n\nCREATE TABLE t (\r\n  id int   \r\n);\t\n\n\n";

    assertThat(Checksum.of(raw, "")).isEqualTo(expectedV1("CREATE TABLE t (\n  id int\n);", ""));
  }

  @Test
  void frozenFixtureFileKeepsItsChecksum() throws Exception {
    Script script = ScriptDirectory.parse(fixture("frozen_checksum.sql"), "scripts/frozen_checksum.sql");

    // Pinned: a change here means every applied migration would be reported as edited.
    assertThat(script.checksum())
        .isEqualTo("v1:8ea4f560d5dff036e9f391385409668370c4f5b0cfb0dc8fada97fa25c76426f");
    assertThat(script.checksum()).isEqualTo(expectedV1(
        "CREATE TABLE public.frozen (\n  id integer PRIMARY KEY,\n  note text DEFAULT $$it's; frozen$$\n);",
        "DROP TABLE public.frozen;"));
  }

  @Test
  void crlfAndLfFilesHaveTheSameChecksum() throws Exception {
    String lf = Files.readString(fixture("frozen_checksum.sql"), StandardCharsets.UTF_8);
    String crlf = lf.replace("\n", "\r\n");

    Script fromLf = ScriptDirectory.parse("lf.sql", lf);
    Script fromCrlf = ScriptDirectory.parse("crlf.sql", crlf);

    assertThat(crlf).isNotEqualTo(lf);
    assertThat(fromCrlf.checksum()).isEqualTo(fromLf.checksum());
  }

  @Test
  void trailingWhitespaceAndABomDoNotChangeTheChecksum() throws Exception {
    String lf = Files.readString(fixture("frozen_checksum.sql"), StandardCharsets.UTF_8);
    String padded = "\uFEFF" + lf.replace("\n", "  \t\n") + "\n\n";

    assertThat(ScriptDirectory.parse("padded.sql", padded).checksum())
        .isEqualTo(ScriptDirectory.parse("lf.sql", lf).checksum());
  }

  @Test
  void headerChangesDoNotChangeTheChecksum() throws Exception {
    String lf = Files.readString(fixture("frozen_checksum.sql"), StandardCharsets.UTF_8);
    String edited = lf.replace("-- message: frozen checksum fixture", "-- message: reworded");

    assertThat(ScriptDirectory.parse("edited.sql", edited).checksum())
        .isEqualTo(ScriptDirectory.parse("lf.sql", lf).checksum());
  }

  @Test
  void changedStatementGivesAnotherChecksum() throws Exception {
    String lf = Files.readString(fixture("frozen_checksum.sql"), StandardCharsets.UTF_8);
    String edited = lf.replace("id integer PRIMARY KEY", "id bigint PRIMARY KEY");

    assertThat(ScriptDirectory.parse("edited.sql", edited).checksum())
        .isNotEqualTo(ScriptDirectory.parse("lf.sql", lf).checksum());
  }

  @Test
  void changedDowngradeGivesAnotherChecksum() {
    assertThat(Checksum.of("CREATE TABLE t ();", "DROP TABLE t;"))
        .isNotEqualTo(Checksum.of("CREATE TABLE t ();", "DROP TABLE IF EXISTS t;"));
  }

  @Test
  void textMovedBetweenSectionsGivesAnotherChecksum() {
    assertThat(Checksum.of("SELECT 1;\nSELECT 2;", ""))
        .isNotEqualTo(Checksum.of("SELECT 1;", "SELECT 2;"));
  }

  @Test
  void changedIndentationInsideALineGivesAnotherChecksum() {
    assertThat(Checksum.of("CREATE TABLE t (\n  id int\n);", ""))
        .isNotEqualTo(Checksum.of("CREATE TABLE t (\n    id int\n);", ""));
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ChecksumTest.class.getResource("/scripts/" + name).toURI());
  }
}
