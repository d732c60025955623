package retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutineBodyTrackerTest {

    /** Feeds each space-separated word to the tracker at paren depth 0. */
    private static RoutineBodyTracker feed(RoutineBodyTracker tracker, String words) {
        int start = 0;
        while (start < words.length()) {
            int end = words.indexOf(' ', start);
            if (end < 0) {
                end = words.length();
            }
            tracker.identifier(words, start, end, 0);
            start = end + 1;
        }
        return tracker;
    }

    @Test
    void beginInsideCreateFunctionOpensABody() {
        assertThat(feed(new RoutineBodyTracker(), "CREATE FUNCTION f RETURNS int BEGIN ATOMIC").inBody()).isTrue();
        assertThat(feed(new RoutineBodyTracker(), "create procedure p begin atomic").inBody()).isTrue();
        assertThat(feed(new RoutineBodyTracker(), "Create Or Replace Function f Begin").inBody()).isTrue();
        assertThat(feed(new RoutineBodyTracker(), "CREATE OR REPLACE PROCEDURE p BEGIN").inBody()).isTrue();
    }

    @Test
    void beginOutsideCreateRoutineIsIgnored() {
        assertThat(feed(new RoutineBodyTracker(), "BEGIN").inBody()).isFalse();
        assertThat(feed(new RoutineBodyTracker(), "CREATE TABLE begin").inBody()).isFalse();
        assertThat(feed(new RoutineBodyTracker(), "CREATE OR FUNCTION f BEGIN").inBody()).isFalse();
        assertThat(feed(new RoutineBodyTracker(), "SELECT CASE WHEN x THEN y END").inBody()).isFalse();
    }

    @Test
    void caseAndEndNestInsideBody() {
        RoutineBodyTracker tracker = feed(new RoutineBodyTracker(), "CREATE FUNCTION f BEGIN ATOMIC SELECT CASE");
        assertThat(feed(tracker, "WHEN x THEN y END").inBody()).isTrue();
        assertThat(feed(tracker, "END").inBody()).isFalse();
        assertThat(feed(tracker, "END").inBody()).isFalse();
    }

    @Test
    void caseBeforeBodyIsIgnored() {
        RoutineBodyTracker tracker = feed(new RoutineBodyTracker(), "CREATE FUNCTION f RETURN CASE WHEN x THEN 1 END");
        assertThat(tracker.inBody()).isFalse();
    }

    @Test
    void wordsInsideParenthesesAreIgnored() {
        RoutineBodyTracker tracker = feed(new RoutineBodyTracker(), "CREATE FUNCTION f");
        tracker.identifier("begin", 0, 5, 1);
        assertThat(tracker.inBody()).isFalse();
    }

    @Test
    void matchingIgnoresOnlyAsciiCase() {
        RoutineBodyTracker tracker = feed(new RoutineBodyTracker(), "CREATE FUNCTION f");
        tracker.identifier("BEG\u0130N", 0, 5, 0);
        assertThat(tracker.inBody()).isFalse();
    }

    @Test
    void resetForgetsTheStatement() {
        RoutineBodyTracker tracker = feed(new RoutineBodyTracker(), "CREATE FUNCTION f BEGIN");
        tracker.reset();
        assertThat(tracker.inBody()).isFalse();
        assertThat(feed(tracker, "BEGIN").inBody()).isFalse();
    }
}
