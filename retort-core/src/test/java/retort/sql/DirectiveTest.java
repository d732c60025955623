package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectiveTest {

    @Test
    void holdsNameAndLine() {
        Chunk chunk = new Directive("downgrade", 7);
        assertThat(chunk.line()).isEqualTo(7);
        assertThat(((Directive) chunk).name()).isEqualTo("downgrade");
    }

    @Test
    void rejectsNullNameAndNonPositiveLine() {
        assertThatThrownBy(() -> new Directive(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Directive("upgrade", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
