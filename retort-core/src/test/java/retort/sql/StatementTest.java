package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementTest {

    @Test
    void holdsTextAndLine() {
        Chunk chunk = new Statement("SELECT 1", 3);
        assertThat(chunk.line()).isEqualTo(3);
        assertThat(((Statement) chunk).sql()).isEqualTo("SELECT 1");
    }

    @Test
    void rejectsNullTextAndNonPositiveLine() {
        assertThatThrownBy(() -> new Statement(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Statement("SELECT 1", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
