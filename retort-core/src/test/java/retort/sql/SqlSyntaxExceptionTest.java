package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlSyntaxExceptionTest {

    @Test
    void keepsMessageAndLine() {
        SqlSyntaxException e = new SqlSyntaxException("unterminated quoted string", 12);
        assertThat(e).hasMessage("unterminated quoted string");
        assertThat(e.line()).isEqualTo(12);
    }
}
