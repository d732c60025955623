package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharsTest {

    @Test
    void identifiersMayContainDollarButTagsMayNot() {
        assertThat(Chars.isIdentStart('a')).isTrue();
        assertThat(Chars.isIdentStart('_')).isTrue();
        assertThat(Chars.isIdentStart('\u00e9')).isTrue();
        assertThat(Chars.isIdentStart('1')).isFalse();
        assertThat(Chars.isIdentStart('$')).isFalse();
        assertThat(Chars.isIdentPart('$')).isTrue();
        assertThat(Chars.isIdentPart('9')).isTrue();
        assertThat(Chars.isTagPart('$')).isFalse();
        assertThat(Chars.isTagPart('9')).isTrue();
    }

    @Test
    void whitespaceClasses() {
        assertThat(" \t\n\r\f\u000B".chars()).allMatch(c -> Chars.isSpace((char) c.intValue()));
        assertThat(Chars.isSpace('x')).isFalse();
        assertThat(Chars.isInlineSpace('\n')).isFalse();
        assertThat(Chars.isInlineSpace('\r')).isTrue();
    }

    @Test
    void directiveNamesAreLettersUnderscoresAndHyphens() {
        assertThat("aZ_-".chars()).allMatch(c -> Chars.isDirectiveNamePart((char) c.intValue()));
        assertThat("0 +:\u00e9".chars()).noneMatch(c -> Chars.isDirectiveNamePart((char) c.intValue()));
    }
}
