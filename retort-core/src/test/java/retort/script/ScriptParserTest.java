package retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import retort.sql.Statement;

class ScriptParserTest {

  private static final String NAME = "versions/4c1f0e9a2b7d_bookings.sql";

  private static Script parse(String... lines) throws ScriptException {
    return ScriptDirectory.parse(NAME, String.join("\n", lines) + "\n");
  }

  private static ScriptException failure(String... lines) {
    return catchThrowableOfType(ScriptException.class, () -> parse(lines));
  }

  // ---- what a file declares

  @Test
  void fullHeaderIsRead() throws ScriptException {
    Script script = parse(
        "-- revision: 4c1f0e9a2b7d",
        "-- down_revision: 1b2c3d4e5f60",
        "-- message: bookings cannot overlap",
        "-- created: 2026-11-24T10:00:00Z",
        "-- branch_labels: billing",
        "-- depends_on: 7e6d5c4b3a21",
        "-- transactional: false",
        "",
        "-- +upgrade",
        "CREATE EXTENSION IF NOT EXISTS btree_gist;",
        "",
        "-- +downgrade",
        "DROP EXTENSION btree_gist;");

    assertThat(script.id()).isEqualTo("4c1f0e9a2b7d");
    assertThat(script.name()).isEqualTo(NAME);
    assertThat(script.revision().source()).isEqualTo(NAME);
    assertThat(script.revision().downRevisions()).containsExactly("1b2c3d4e5f60");
    assertThat(script.revision().dependsOn()).containsExactly("7e6d5c4b3a21");
    assertThat(script.revision().branchLabels()).containsExactly("billing");
    assertThat(script.message()).isEqualTo("bookings cannot overlap");
    assertThat(script.created()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(script.transactional()).isFalse();
    assertThat(script.checksum()).startsWith("v1:");
  }

  @Test
  void downRevisionNoneMakesABase() throws ScriptException {
    Script script = parse("-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;");

    assertThat(script.revision().downRevisions()).isEmpty();
    assertThat(script.revision().isBase()).isTrue();
  }

  @Test
  void downRevisionNoneIsCaseInsensitive() throws ScriptException {
    assertThat(parse("-- revision: aaaa", "-- down_revision: None", "-- +upgrade").revision().isBase()).isTrue();
  }

  @Test
  void downRevisionWithOneId() throws ScriptException {
    Script script = parse("-- revision: bbbb", "-- down_revision: aaaa", "-- +upgrade", "SELECT 1;");

    assertThat(script.revision().downRevisions()).containsExactly("aaaa");
  }

  @Test
  void downRevisionCommaListMakesAMergeInOrder() throws ScriptException {
    Script script = parse("-- revision: mmmm", "-- down_revision: bbbb,cccc , dddd", "-- +upgrade");

    assertThat(script.revision().downRevisions()).containsExactly("bbbb", "cccc", "dddd");
  }

  @Test
  void dependsOnAndBranchLabelsTakeCommaLists() throws ScriptException {
    Script script = parse(
        "-- revision: yyyy",
        "-- down_revision: xxxx",
        "-- depends_on: bbbb, cccc",
        "-- branch_labels: billing, invoices",
        "-- +upgrade");

    assertThat(script.revision().dependsOn()).containsExactly("bbbb", "cccc");
    assertThat(script.revision().branchLabels()).containsExactlyInAnyOrder("billing", "invoices");
  }

  @Test
  void optionalHeadersDefault() throws ScriptException {
    Script script = parse("-- revision: aaaa", "-- down_revision: none", "-- +upgrade");

    assertThat(script.transactional()).isTrue();
    assertThat(script.message()).isEmpty();
    assertThat(script.created()).isEmpty();
    assertThat(script.revision().dependsOn()).isEmpty();
    assertThat(script.revision().branchLabels()).isEmpty();
  }

  @Test
  void transactionalAcceptsTrueFalseYesNo() throws ScriptException {
    assertThat(parse("-- revision: aaaa", "-- down_revision: none", "-- transactional: true", "-- +upgrade")
        .transactional()).isTrue();
    assertThat(parse("-- revision: aaaa", "-- down_revision: none", "-- transactional: FALSE", "-- +upgrade")
        .transactional()).isFalse();
    assertThat(parse("-- revision: aaaa", "-- down_revision: none", "-- transactional: no", "-- +upgrade")
        .transactional()).isFalse();
  }

  @Test
  void statementsCarryTheirLineInTheFile() throws ScriptException {
    Script script = parse(
        "-- revision: aaaa",                 // 1
        "-- down_revision: none",            // 2
        "",                                  // 3
        "-- +upgrade",                       // 4
        "CREATE TABLE t (",                  // 5
        "  id int",                          // 6
        ");",                                // 7
        "-- a comment",                      // 8
        "INSERT INTO t VALUES (1);",         // 9
        "",                                  // 10
        "-- +downgrade",                     // 11
        "DROP TABLE t;");                    // 12

    assertThat(script.upgrade().present()).isTrue();
    assertThat(script.upgrade().statements()).extracting(Statement::line).containsExactly(5, 9);
    assertThat(script.upgrade().statements().get(0).sql()).startsWith("CREATE TABLE t (").contains("id int");
    assertThat(script.upgrade().statements().get(1).sql()).isEqualTo("INSERT INTO t VALUES (1)");
    assertThat(script.downgrade().statements()).extracting(Statement::line).containsExactly(12);
  }

  @Test
  void semicolonsInsideQuotesDoNotSplitStatements() throws ScriptException {
    Script script = parse(
        "-- revision: aaaa",
        "-- down_revision: none",
        "-- +upgrade",
        "INSERT INTO t VALUES ('a;b');",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;");

    assertThat(script.upgrade().statements()).hasSize(2);
  }

  @Test
  void missingDowngradeSectionIsNotPresent() throws ScriptException {
    Script script = parse("-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;");

    assertThat(script.downgrade().present()).isFalse();
    assertThat(script.downgrade().statements()).isEmpty();
  }

  @Test
  void emptyDowngradeSectionIsPresentWithNoStatements() throws ScriptException {
    Script script = parse("-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;", "-- +downgrade");

    assertThat(script.downgrade().present()).isTrue();
    assertThat(script.downgrade().statements()).isEmpty();
  }

  @Test
  void byteOrderMarkAndCrlfAreAccepted() throws ScriptException {
    Script script = ScriptDirectory.parse(NAME,
        "\uFEFF-- revision: aaaa\r\n-- down_revision: none\r\n-- +upgrade\r\nSELECT 1;\r\n");

    assertThat(script.id()).isEqualTo("aaaa");
    assertThat(script.upgrade().statements()).extracting(Statement::line).containsExactly(4);
  }

  @Test
  void headerKeysAreCaseInsensitive() throws ScriptException {
    assertThat(parse("-- Revision: aaaa", "-- Down_Revision: none", "-- +upgrade").id()).isEqualTo("aaaa");
  }

  @Test
  void freeCommentsWithoutAColonMayStandInTheHeader() throws ScriptException {
    Script script = parse(
        "-- Bookings may not overlap for one apartment",
        "-- revision: aaaa",
        "-- down_revision: none",
        "-- +upgrade");

    assertThat(script.id()).isEqualTo("aaaa");
  }

  // ---- errors: the file, the line, a hint

  @Test
  void noRevisionIsAnErrorOnLineOne() {
    ScriptException e = failure("-- down_revision: none", "-- +upgrade", "SELECT 1;");

    assertThat(e.file()).isEqualTo(NAME);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e).hasMessageContaining("revision");
    assertThat(e.hint()).contains("-- revision:");
  }

  @Test
  void noDownRevisionIsAnError() {
    ScriptException e = failure("-- revision: aaaa", "-- +upgrade", "SELECT 1;");

    assertThat(e).hasMessageContaining("down_revision");
    assertThat(e.hint()).contains("none");
  }

  @Test
  void emptyDownRevisionIsAnErrorOnItsLine() {
    ScriptException e = failure("-- revision: aaaa", "-- down_revision:", "-- +upgrade");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("down_revision");
  }

  @Test
  void unknownHeaderKeyIsAnErrorOnItsLine() {
    ScriptException e = failure("-- revision: aaaa", "-- down_revision: none", "-- author: anna", "-- +upgrade");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e).hasMessageContaining("author");
    assertThat(e.hint()).contains("down_revision").contains("transactional");
  }

  @Test
  void duplicateHeaderKeyIsAnErrorOnTheSecondLineNamingTheFirst() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- message: one", "-- message: two", "-- +upgrade");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e).hasMessageContaining("message").hasMessageContaining("line 3");
    assertThat(e.hint()).isNotBlank();
  }

  @Test
  void badRevisionIdIsAnErrorOnItsLine() {
    ScriptException e = failure("-- message: x", "-- revision: 4c1f-0e9a", "-- down_revision: none", "-- +upgrade");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("4c1f-0e9a");
    assertThat(e.hint()).contains("12 hex digits");
  }

  @Test
  void badIdInDownRevisionIsAnErrorOnItsLine() {
    ScriptException e = failure("-- revision: aaaa", "-- down_revision: bbbb; cccc", "-- +upgrade");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("bbbb; cccc");
    assertThat(e.hint()).contains("commas");
  }

  @Test
  void sameParentListedTwiceIsAnError() {
    ScriptException e = failure("-- revision: mmmm", "-- down_revision: bbbb, bbbb", "-- +upgrade");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("twice");
  }

  @Test
  void badTransactionalValueIsAnErrorOnItsLine() {
    ScriptException e = failure("-- revision: aaaa", "-- down_revision: none", "-- transactional: maybe", "-- +upgrade");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e).hasMessageContaining("maybe");
  }

  @Test
  void downgradeBeforeUpgradeIsAnErrorOnTheDowngradeLine() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "", "-- +downgrade", "DROP TABLE t;", "-- +upgrade",
        "CREATE TABLE t ();");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e).hasMessageContaining("-- +downgrade");
    assertThat(e.hint()).contains("upgrade section first");
  }

  @Test
  void sqlBeforeTheUpgradeLineIsAnErrorOnTheStatementsLine() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "", "CREATE TABLE t ();", "-- +upgrade", "SELECT 1;");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e).hasMessageContaining("before");
    assertThat(e.hint()).contains("-- +upgrade");
  }

  @Test
  void noUpgradeSectionIsAnError() {
    ScriptException e = failure("-- revision: aaaa", "-- down_revision: none");

    assertThat(e.file()).isEqualTo(NAME);
    assertThat(e).hasMessageContaining("-- +upgrade");
    assertThat(e.hint()).contains("-- +upgrade");
  }

  @Test
  void unknownSectionIsAnErrorOnItsLine() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;", "-- +rollback", "SELECT 2;");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e).hasMessageContaining("-- +rollback");
    assertThat(e.hint()).contains("-- +upgrade").contains("-- +downgrade");
  }

  @Test
  void unterminatedQuoteIsAnErrorOnTheLineWhereItOpens() {
    ScriptException e = failure(
        "-- revision: aaaa",          // 1
        "-- down_revision: none",     // 2
        "-- +upgrade",                // 3
        "SELECT 1;",                  // 4
        "INSERT INTO t VALUES ('oops);", // 5
        "SELECT 2;",                  // 6
        "-- +downgrade",              // 7
        "DELETE FROM t;");            // 8

    assertThat(e.line()).isEqualTo(5);
    assertThat(e).hasMessageContaining("unterminated");
    assertThat(e.hint()).contains("quotes");
  }

  @Test
  void unterminatedDollarQuoteIsAnErrorOnTheLineWhereItOpens() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- +upgrade",
        "CREATE FUNCTION f() RETURNS int AS $body$", "  SELECT 1;", "-- +downgrade", "DROP FUNCTION f();");

    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void secondUpgradeSectionIsAnErrorOnItsLine() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;", "-- +upgrade", "SELECT 2;");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e).hasMessageContaining("second");
    assertThat(e.hint()).contains("once");
  }

  @Test
  void upgradeAfterDowngradeIsAnError() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "SELECT 1;", "-- +downgrade",
        "SELECT 2;", "-- +upgrade", "SELECT 3;");

    assertThat(e.line()).isEqualTo(7);
  }

  @Test
  void secondDowngradeSectionIsAnError() {
    ScriptException e = failure(
        "-- revision: aaaa", "-- down_revision: none", "-- +upgrade", "-- +downgrade", "-- +downgrade");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e).hasMessageContaining("second");
  }

  @Test
  void transactionControlInATransactionalMigrationIsRefusedWithItsLine() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "BEGIN;", "CREATE TABLE t (id int);", "COMMIT;");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("BEGIN");
    assertThat(e.hint()).contains("transactional: false");
  }

  @Test
  void commitAloneIsRefusedToo() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "CREATE TABLE t (id int);", "commit work;");

    assertThat(e.line()).isEqualTo(5);
  }

  @Test
  void transactionControlIsAllowedWhereTheMigrationManagesItsOwnTransactions() throws ScriptException {
    Script s = parse("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- transactional: false",
        "-- +upgrade", "BEGIN;", "CREATE TABLE t (id int);", "COMMIT;");

    assertThat(s.upgrade().statements()).hasSize(3);
  }

  @Test
  void savepointsAndFunctionBodiesAreNotTransactionControl() throws ScriptException {
    Script s = parse("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "SAVEPOINT a;", "ROLLBACK TO SAVEPOINT a;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;",
        "DO $$ BEGIN PERFORM 1; END $$;");

    assertThat(s.upgrade().statements()).hasSize(4);
  }

  @Test
  void psqlMetaCommandsAreRefusedWithTheirLine() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "CREATE TABLE t (id int);", "\\connect other");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("\\connect");
  }

  @Test
  void aStatementThatCannotRunInATransactionIsRefusedInATransactionalMigrationWithTheHeaderToAdd() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "CREATE TABLE t (id int);", "CREATE INDEX CONCURRENTLY t_id ON t (id);", "-- +downgrade",
        "DROP INDEX CONCURRENTLY t_id;");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("CREATE INDEX CONCURRENTLY").contains("transaction block");
    assertThat(e.hint()).contains("-- transactional: false");
  }

  @Test
  void inTheDowngradeSectionToo() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "CREATE TABLE t (id int);", "-- +downgrade", "VACUUM t;", "DROP TABLE t;");

    assertThat(e.line()).isEqualTo(6);
    assertThat(e.getMessage()).startsWith("VACUUM");
  }

  @Test
  void aNonTransactionalMigrationMayHoldThem() throws ScriptException {
    Script s = parse("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- transactional: false", "-- +upgrade",
        "CREATE INDEX CONCURRENTLY t_id ON t (id);", "VACUUM (ANALYZE) t;");

    assertThat(s.upgrade().statements()).hasSize(2);
  }

  @Test
  void copyFromStdinKeepsItsRowsAndTheLinesAfterThemCountOn() throws ScriptException {
    Script s = parse("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "COPY t (a, b) FROM stdin;", "1\tx; y", "2\t-- z", "\\.", "SELECT 1;");

    assertThat(s.upgrade().statements()).containsExactly(
        new retort.sql.Statement("COPY t (a, b) FROM stdin", 4, "1\tx; y\n2\t-- z\n"),
        new retort.sql.Statement("SELECT 1", 8));
  }

  @Test
  void copyFromStdinWithoutTheEndLineIsRefusedOnItsLine() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "SELECT 1;", "COPY t FROM stdin;", "1", "-- +downgrade");

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("\\.");
  }

  @Test
  void copyToStdoutIsRefused() {
    ScriptException e = failure("-- revision: aaaaaaaaaaaa", "-- down_revision: none", "-- +upgrade",
        "COPY t TO STDOUT;");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).contains("TO STDOUT");
  }
}
