package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE INDEX CONCURRENTLY i ON t (a)|CREATE INDEX CONCURRENTLY",
        "create unique index concurrently if not exists i on t (a)|CREATE INDEX CONCURRENTLY",
        "DROP INDEX CONCURRENTLY IF EXISTS i|DROP INDEX CONCURRENTLY",
        "REINDEX INDEX CONCURRENTLY i|REINDEX CONCURRENTLY",
        "REINDEX (VERBOSE, CONCURRENTLY) TABLE t|REINDEX CONCURRENTLY",
        "REINDEX SCHEMA public|REINDEX SCHEMA",
        "REINDEX DATABASE|REINDEX DATABASE",
        "VACUUM (ANALYZE) t|VACUUM",
        "vacuum|VACUUM",
        "CREATE DATABASE other|CREATE DATABASE",
        "DROP DATABASE other|DROP DATABASE",
        "ALTER DATABASE other SET TABLESPACE fast|ALTER DATABASE ... SET TABLESPACE",
        "CREATE TABLESPACE fast LOCATION '/x'|CREATE TABLESPACE",
        "DROP TABLESPACE fast|DROP TABLESPACE",
        "ALTER SYSTEM SET work_mem = '8MB'|ALTER SYSTEM",
        "CLUSTER|CLUSTER without a table",
        "CLUSTER VERBOSE|CLUSTER without a table",
        "DISCARD ALL|DISCARD ALL",
        "COMMIT PREPARED 'x'|COMMIT PREPARED",
        "ROLLBACK PREPARED 'x'|ROLLBACK PREPARED",
        "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY|ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p|CREATE SUBSCRIPTION",
        "DROP SUBSCRIPTION s|DROP SUBSCRIPTION",
        "ALTER SUBSCRIPTION s REFRESH PUBLICATION|ALTER SUBSCRIPTION ... REFRESH PUBLICATION",
    })
    void commandsThatCannotRunInATransactionBlock(String sql, String name) {
        assertThat(Commands.outsideTransactionOnly(sql)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX i ON t (a)",
        "CREATE INDEX concurrently_named ON t (a)",
        "CREATE INDEX \"concurrently\" ON t (a)",
        "REINDEX INDEX i",
        "REINDEX (CONCURRENTLY false) TABLE t",
        "DROP INDEX i",
        "CLUSTER t USING i",
        "DISCARD PLANS",
        "COMMIT",
        "ALTER DATABASE other SET work_mem = '8MB'",
        "ALTER TABLE p DETACH PARTITION p1",
        "ALTER TABLE t ADD COLUMN concurrently int",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)",
        "SELECT 'VACUUM'",
        "ANALYZE t",
        "CREATE TABLE vacuum (id int)",
    })
    void commandsThatCanRunInATransactionBlock(String sql) {
        assertThat(Commands.outsideTransactionOnly(sql)).isEmpty();
    }

    @Test
    void commentsAndLineBreaksBetweenTheWordsDoNotHideTheCommand() {
        assertThat(Commands.outsideTransactionOnly("CREATE /* c */ INDEX -- x\n  CONCURRENTLY ON t (a)"))
            .contains("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void copyFromStdinAndToStdout() {
        assertThat(Commands.copyFromStdin("COPY t (a, b) FROM STDIN")).isTrue();
        assertThat(Commands.copyFromStdin("copy public.t from stdin with (format csv)")).isTrue();
        assertThat(Commands.copyFromStdin("COPY t FROM '/tmp/x'")).isFalse();
        assertThat(Commands.copyFromStdin("COPY (SELECT * FROM stdin) TO STDOUT")).isFalse();
        assertThat(Commands.copyToStdout("COPY (SELECT * FROM stdin) TO STDOUT")).isTrue();
        assertThat(Commands.copyToStdout("COPY t TO STDOUT")).isTrue();
        assertThat(Commands.copyToStdout("COPY t FROM STDIN")).isFalse();
    }

    @Test
    void theIndexAConcurrentBuildNames() {
        assertThat(Commands.concurrentIndexBuild("CREATE INDEX CONCURRENTLY t_v_idx ON t (v)"))
            .contains(new Commands.IndexBuild("t_v_idx", "t"));
        assertThat(Commands.concurrentIndexBuild("create unique index concurrently if not exists \"Big Idx\" on only"
            + " shop.\"Orders\" using btree (v)"))
            .contains(new Commands.IndexBuild("\"Big Idx\"", "shop.\"Orders\""));
        assertThat(Commands.concurrentIndexBuild("CREATE INDEX CONCURRENTLY ON t (v)"))
            .contains(new Commands.IndexBuild(null, "t"));
        assertThat(Commands.concurrentIndexBuild("CREATE INDEX t_v_idx ON t (v)")).isEqualTo(Optional.empty());
    }
}
