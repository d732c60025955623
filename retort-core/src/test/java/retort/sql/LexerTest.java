package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static Statement st(String sql, int line) {
        return new Statement(sql, line);
    }

    private static Directive dir(String name, int line) {
        return new Directive(name, line);
    }

    private static List<Chunk> lex(String text) throws SqlSyntaxException {
        return Lexer.chunks(text);
    }

    @Test
    void splitsSimpleStatementsWithLines() throws Exception {
        String text = """
                CREATE TABLE a (id int);
                CREATE TABLE b (id int);

                INSERT INTO a
                VALUES (1);
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE TABLE a (id int)", 1),
                st("CREATE TABLE b (id int)", 2),
                st("INSERT INTO a\nVALUES (1)", 4));
    }

    @Test
    void keepsSeveralStatementsOnOneLine() throws Exception {
        assertThat(lex("SELECT 1; SELECT 2;SELECT 3")).containsExactly(
                st("SELECT 1", 1), st("SELECT 2", 1), st("SELECT 3", 1));
    }

    @Test
    void returnsFinalStatementWithoutSemicolon() throws Exception {
        assertThat(lex("SELECT 1;\nSELECT 2\n\n")).containsExactly(st("SELECT 1", 1), st("SELECT 2", 2));
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() throws Exception {
        String text = """
                ;;
                -- just a comment;
                /* another; */ ;
                SELECT 1;;
                -- trailing comment
                """;
        assertThat(lex(text)).containsExactly(st("SELECT 1", 4));
    }

    @Test
    void returnsNothingForBlankInput() throws Exception {
        assertThat(lex("")).isEmpty();
        assertThat(lex("  \n\t\n")).isEmpty();
        assertThat(lex("-- only\n/* comments */")).isEmpty();
    }

    @Test
    void leadingCommentsAreNotPartOfStatementButInnerOnesAre() throws Exception {
        String text = """
                -- create the table
                /* multi
                   line */
                CREATE TABLE t ( -- columns:
                  id int /* key */
                );
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE TABLE t ( -- columns:\n  id int /* key */\n)", 4));
    }

    @Test
    void trailingCommentsBeforeTheSemicolonAreDropped() throws Exception {
        assertThat(lex("SELECT 1 -- one\n  /* still */ ;\nSELECT 2 -- two\n")).containsExactly(
                st("SELECT 1", 1), st("SELECT 2", 3));
    }

    @Test
    void plpgsqlBodiesInDollarQuotesDoNotSplit() throws Exception {
        String text = """
                CREATE FUNCTION add(a int, b int) RETURNS int AS $$
                BEGIN
                  RETURN a + b;
                END;
                $$ LANGUAGE plpgsql;

                CREATE OR REPLACE FUNCTION touch() RETURNS trigger
                LANGUAGE plpgsql AS $body$
                BEGIN
                  NEW.updated_at := now();
                  RETURN NEW;
                END;
                $body$;
                SELECT 1;
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE FUNCTION add(a int, b int) RETURNS int AS $$\nBEGIN\n  RETURN a + b;\nEND;\n"
                        + "$$ LANGUAGE plpgsql", 1),
                st("CREATE OR REPLACE FUNCTION touch() RETURNS trigger\nLANGUAGE plpgsql AS $body$\nBEGIN\n"
                        + "  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$body$", 7),
                st("SELECT 1", 14));
    }

    @Test
    void doBlockIsOneStatement() throws Exception {
        String text = """
                DO $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT 1 LOOP
                    RAISE NOTICE 'x;y';
                  END LOOP;
                END
                $$;
                SELECT 2;
                """;
        assertThat(lex(text)).containsExactly(
                st("DO $$\nDECLARE r record;\nBEGIN\n  FOR r IN SELECT 1 LOOP\n    RAISE NOTICE 'x;y';\n"
                        + "  END LOOP;\nEND\n$$", 1),
                st("SELECT 2", 9));
    }

    @Test
    void nestedDifferentDollarTagsAreJustText() throws Exception {
        String text = "SELECT $outer$ a $inner$ ; $inner$ $$ ; $outer$;\nSELECT 2;";
        assertThat(lex(text)).containsExactly(
                st("SELECT $outer$ a $inner$ ; $inner$ $$ ; $outer$", 1), st("SELECT 2", 2));
    }

    @Test
    void dollarTagsAreCaseSensitive() throws Exception {
        assertThat(lex("SELECT $a$ ; $A$ ; $a$; SELECT 2")).containsExactly(
                st("SELECT $a$ ; $A$ ; $a$", 1), st("SELECT 2", 1));
    }

    @Test
    void stringContainingDirectiveAndSemicolonIsNotSplit() throws Exception {
        String text = """
                -- +upgrade
                INSERT INTO notes VALUES ('a;
                -- +downgrade
                b');
                -- +downgrade
                DELETE FROM notes;
                """;
        assertThat(lex(text)).containsExactly(
                dir("upgrade", 1),
                st("INSERT INTO notes VALUES ('a;\n-- +downgrade\nb')", 2),
                dir("downgrade", 5),
                st("DELETE FROM notes", 6));
    }

    @Test
    void directiveInsideBlockCommentIsNotADirective() throws Exception {
        String text = """
                SELECT 1;
                /*
                -- +downgrade
                */
                SELECT 2;
                """;
        assertThat(lex(text)).containsExactly(st("SELECT 1", 1), st("SELECT 2", 5));
    }

    @Test
    void directiveInsideDollarQuoteIsNotADirective() throws Exception {
        String text = """
                DO $do$
                BEGIN
                -- +downgrade
                  PERFORM 1;
                END $do$;
                """;
        assertThat(lex(text)).containsExactly(
                st("DO $do$\nBEGIN\n-- +downgrade\n  PERFORM 1;\nEND $do$", 1));
    }

    @Test
    void blockCommentsNest() throws Exception {
        String text = """
                /* outer /* inner; */ still comment; */ SELECT 1;
                SELECT /* a /* b */ c */ 2;
                """;
        assertThat(lex(text)).containsExactly(st("SELECT 1", 1), st("SELECT /* a /* b */ c */ 2", 2));
    }

    @Test
    void lineCommentHidesSemicolonsAndQuotes() throws Exception {
        String text = "SELECT 1--; it's a comment\n, 2;\nSELECT 3 -- $$ /*\n;";
        assertThat(lex(text)).containsExactly(st("SELECT 1--; it's a comment\n, 2", 1), st("SELECT 3", 3));
    }

    @Test
    void escapeStringsHonourBackslash() throws Exception {
        String text = "SELECT E'it\\'s; fine', e'\\\\'; SELECT 'plain\\'; SELECT 3;";
        assertThat(lex(text)).containsExactly(
                st("SELECT E'it\\'s; fine', e'\\\\'", 1),
                st("SELECT 'plain\\'", 1),
                st("SELECT 3", 1));
    }

    @Test
    void escapeStringContinuesAfterLineBreak() throws Exception {
        String text = "SELECT E'a'\n  -- note\n'b\\';c';\nSELECT 2;";
        assertThat(lex(text)).containsExactly(st("SELECT E'a'\n  -- note\n'b\\';c'", 1), st("SELECT 2", 4));
    }

    @Test
    void escapeStringDoesNotContinueOnSameLineOrAfterOtherTokens() throws Exception {
        assertThat(lex("SELECT E'a' || 'b\\'; SELECT 2;")).containsExactly(
                st("SELECT E'a' || 'b\\'", 1), st("SELECT 2", 1));
        assertThat(lex("SELECT E'a' 'b\\'; SELECT 2;")).containsExactly(
                st("SELECT E'a' 'b\\'", 1), st("SELECT 2", 1));
    }

    @Test
    void doubledQuotesEscapeInStrings() throws Exception {
        assertThat(lex("SELECT 'it''s; ok', '''', E'a''b\\';'; SELECT 2")).containsExactly(
                st("SELECT 'it''s; ok', '''', E'a''b\\';'", 1), st("SELECT 2", 1));
    }

    @Test
    void otherPrefixedStringsBehaveAsNormalQuotes() throws Exception {
        String text = "SELECT U&'d\\0061t;a', u&\"x;\"\"y\", B'10;1', x'1F;', N'n\\'; SELECT 2;";
        assertThat(lex(text)).containsExactly(
                st("SELECT U&'d\\0061t;a', u&\"x;\"\"y\", B'10;1', x'1F;', N'n\\'", 1), st("SELECT 2", 1));
    }

    @Test
    void identifierFollowedByQuoteIsNotAPrefix() throws Exception {
        assertThat(lex("SELECT name'a\\'; SELECT xe'b\\'; SELECT 3")).containsExactly(
                st("SELECT name'a\\'", 1), st("SELECT xe'b\\'", 1), st("SELECT 3", 1));
    }

    @Test
    void quotedIdentifiersMayContainSemicolonsAndDoubledQuotes() throws Exception {
        String text = "CREATE TABLE \"we;ird \"\"name\"\"\" (\"col;1\" int);\n"
                + "SELECT \"a\"\"b;\" FROM \"we;ird \"\"name\"\"\";\n";
        assertThat(lex(text)).containsExactly(
                st("CREATE TABLE \"we;ird \"\"name\"\"\" (\"col;1\" int)", 1),
                st("SELECT \"a\"\"b;\" FROM \"we;ird \"\"name\"\"\"", 2));
    }

    @Test
    void dollarDigitsAreParametersNotQuotes() throws Exception {
        String text = """
                PREPARE p(int, int) AS SELECT $1 + $2;
                EXECUTE p(1, 2);
                """;
        assertThat(lex(text)).containsExactly(
                st("PREPARE p(int, int) AS SELECT $1 + $2", 1), st("EXECUTE p(1, 2)", 2));
    }

    @Test
    void dollarInsideIdentifierDoesNotOpenAQuote() throws Exception {
        assertThat(lex("SELECT a$b$ FROM t$$x; SELECT 2")).containsExactly(
                st("SELECT a$b$ FROM t$$x", 1), st("SELECT 2", 1));
    }

    @Test
    void loneDollarIsJustACharacter() throws Exception {
        assertThat(lex("SELECT $ ; SELECT $x ; SELECT 3")).containsExactly(
                st("SELECT $", 1), st("SELECT $x", 1), st("SELECT 3", 1));
    }

    @Test
    void beginAtomicBodyIsOneStatement() throws Exception {
        String text = """
                CREATE FUNCTION total(a int, b int) RETURNS int
                LANGUAGE sql
                BEGIN ATOMIC
                  INSERT INTO log VALUES (a);
                  SELECT CASE WHEN a > b THEN a ELSE b END;
                  SELECT a + b;
                END;
                SELECT total(1, 2);
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE FUNCTION total(a int, b int) RETURNS int\nLANGUAGE sql\nBEGIN ATOMIC\n"
                        + "  INSERT INTO log VALUES (a);\n  SELECT CASE WHEN a > b THEN a ELSE b END;\n"
                        + "  SELECT a + b;\nEND", 1),
                st("SELECT total(1, 2)", 8));
    }

    @Test
    void createOrReplaceProcedureBeginAtomicIsOneStatement() throws Exception {
        String text = """
                create or replace procedure p() begin atomic
                  insert into t values (1);
                  insert into t values (2);
                end;
                call p();
                """;
        assertThat(lex(text)).containsExactly(
                st("create or replace procedure p() begin atomic\n  insert into t values (1);\n"
                        + "  insert into t values (2);\nend", 1),
                st("call p()", 5));
    }

    @Test
    void directiveInsideBeginAtomicIsNotADirective() throws Exception {
        String text = """
                CREATE PROCEDURE p() BEGIN ATOMIC
                -- +downgrade
                  SELECT 1;
                END;
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE PROCEDURE p() BEGIN ATOMIC\n-- +downgrade\n  SELECT 1;\nEND", 1));
    }

    @Test
    void transactionBeginAndEndSplitNormally() throws Exception {
        String text = """
                BEGIN;
                UPDATE t SET x = 1;
                END;
                BEGIN TRANSACTION;
                COMMIT;
                """;
        assertThat(lex(text)).containsExactly(
                st("BEGIN", 1), st("UPDATE t SET x = 1", 2), st("END", 3),
                st("BEGIN TRANSACTION", 4), st("COMMIT", 5));
    }

    @Test
    void caseEndInPlainSelectSplitsNormally() throws Exception {
        String text = """
                SELECT CASE WHEN x THEN 1 ELSE 2 END FROM t;
                SELECT 3;
                """;
        assertThat(lex(text)).containsExactly(
                st("SELECT CASE WHEN x THEN 1 ELSE 2 END FROM t", 1), st("SELECT 3", 2));
    }

    @Test
    void functionWithoutBeginAtomicSplitsAtItsSemicolon() throws Exception {
        String text = """
                CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END;
                BEGIN;
                END;
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END", 1),
                st("BEGIN", 2), st("END", 3));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() throws Exception {
        String text = """
                CREATE RULE r AS ON INSERT TO t DO ALSO (
                  INSERT INTO a VALUES (1);
                  INSERT INTO b VALUES (2)
                );
                SELECT 1;
                """;
        assertThat(lex(text)).containsExactly(
                st("CREATE RULE r AS ON INSERT TO t DO ALSO (\n  INSERT INTO a VALUES (1);\n"
                        + "  INSERT INTO b VALUES (2)\n)", 1),
                st("SELECT 1", 5));
    }

    @Test
    void crlfLineEndingsCountAsOneLineBreak() throws Exception {
        String text = "-- +upgrade\r\nSELECT 1;\r\n\r\nSELECT 'a\r\nb';\r\n/* c\r\n */ SELECT 3;\r\n-- +downgrade\r\n";
        assertThat(lex(text)).containsExactly(
                dir("upgrade", 1),
                st("SELECT 1", 2),
                st("SELECT 'a\r\nb'", 4),
                st("SELECT 3", 7),
                dir("downgrade", 8));
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        assertThat(lex("\uFEFF-- +upgrade\nSELECT 1;")).containsExactly(dir("upgrade", 1), st("SELECT 1", 2));
        assertThat(lex("\uFEFFSELECT 1;")).containsExactly(st("SELECT 1", 1));
    }

    @Test
    void linesAreCountedAcrossMultiLineTokens() throws Exception {
        String text = "SELECT '\n\n';\n/*\n\n*/ SELECT \"\n\";\nSELECT $$\n\n$$; SELECT E'\\\n';\nSELECT 5;";
        assertThat(lex(text)).extracting(Chunk::line).containsExactly(1, 6, 8, 10, 12);
    }

    @Test
    void unterminatedQuoteReportsOpeningLine() {
        assertThatThrownBy(() -> lex("SELECT 1;\nSELECT 'abc;\n\nSELECT 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e).hasMessageContaining("unterminated quoted string");
                });
    }

    @Test
    void unterminatedEscapeStringReportsOpeningLine() {
        assertThatThrownBy(() -> lex("\nSELECT E'abc\\';"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e).hasMessageContaining("unterminated quoted string");
                });
    }

    @Test
    void unterminatedQuotedIdentifierReportsOpeningLine() {
        assertThatThrownBy(() -> lex("\n\nSELECT \"abc;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e).hasMessageContaining("unterminated quoted identifier");
                });
    }

    @Test
    void unterminatedDollarQuoteReportsOpeningLine() {
        assertThatThrownBy(() -> lex("SELECT 1;\n\nDO $body$\nBEGIN END;\n$$;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e).hasMessageContaining("unterminated dollar-quoted string");
                });
    }

    @Test
    void unterminatedBlockCommentReportsOpeningLine() {
        assertThatThrownBy(() -> lex("SELECT 1;\n/* a /* b */\n\nSELECT 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e).hasMessageContaining("unterminated /* comment");
                });
    }

    @Test
    void directivesWithAndWithoutSpace() throws Exception {
        String text = """
                --+upgrade
                SELECT 1;
                -- +downgrade
                SELECT 2;
                \t--  \t+Up_Grade-x and the rest is ignored
                """;
        assertThat(lex(text)).containsExactly(
                dir("upgrade", 1), st("SELECT 1", 2), dir("downgrade", 3), st("SELECT 2", 4),
                dir("up_grade-x", 5));
    }

    @Test
    void directiveNameStopsAtFirstOtherCharacter() throws Exception {
        assertThat(lex("-- +upgrade:notransaction\n-- +down2")).containsExactly(
                dir("upgrade", 1), dir("down", 2));
    }

    @Test
    void directiveEndsAStatementThatLacksASemicolon() throws Exception {
        String text = """
                -- +upgrade
                CREATE TABLE t (id int)
                -- about the downgrade

                -- +downgrade
                DROP TABLE t
                """;
        assertThat(lex(text)).containsExactly(
                dir("upgrade", 1), st("CREATE TABLE t (id int)", 2), dir("downgrade", 5), st("DROP TABLE t", 6));
    }

    @Test
    void directiveEndsAStatementWithUnbalancedParentheses() throws Exception {
        assertThat(lex("SELECT (1;\n-- +downgrade\nSELECT 2;")).containsExactly(
                st("SELECT (1;", 1), dir("downgrade", 2), st("SELECT 2", 3));
    }

    @Test
    void commentsThatAreNotDirectives() throws Exception {
        String text = """
                SELECT 1 -- +downgrade
                ;
                /* x */ -- +downgrade
                -- + downgrade
                -- +
                --- +downgrade
                -- downgrade
                SELECT 2;
                """;
        assertThat(lex(text)).containsExactly(st("SELECT 1", 1), st("SELECT 2", 8));
    }

    @Test
    void statementsOffsetsLinesAndSkipsDirectives() throws Exception {
        String text = """
                CREATE TABLE t (id int);

                -- +downgrade
                INSERT INTO t
                VALUES (1);
                """;
        assertThat(Lexer.statements(text, 40)).containsExactly(
                st("CREATE TABLE t (id int)", 40), st("INSERT INTO t\nVALUES (1)", 43));
    }

    @Test
    void statementsReportsErrorsWithOffsetLines() {
        assertThatThrownBy(() -> Lexer.statements("SELECT 1;\n'oops", 10))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(11));
    }

    @Test
    void statementsRejectsNonPositiveFirstLine() {
        assertThatThrownBy(() -> Lexer.statements("SELECT 1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsAreImmutable() throws Exception {
        List<Chunk> chunks = lex("SELECT 1");
        assertThatThrownBy(() -> chunks.add(st("x", 1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lexesLargeInputWithLongCommentsAndBodies() throws Exception {
        StringBuilder text = new StringBuilder();
        int count = 50_000;
        for (int i = 0; i < count; i++) {
            text.append("-- +upgrade\nINSERT INTO t VALUES (").append(i)
                    .append(", 'a;b', E'c\\'d', $$e;f$$, \"g;h\") /* i; */;\n");
        }
        text.append("-- ").append("-".repeat(200_000)).append('\n');
        text.append("/*").append(" /* */".repeat(100_000)).append(" */\n");
        text.append("SELECT $$").append(" $x".repeat(100_000)).append("$$;\n");
        List<Chunk> chunks = lex(text.toString());
        assertThat(chunks).hasSize(2 * count + 1);
        assertThat(chunks.get(chunks.size() - 1).line()).isEqualTo(2 * count + 3);
    }
}
