package retort.cli;

import java.time.Duration;
import java.util.Locale;
import retort.RetortException;

/**
 * Reads durations written as PostgreSQL writes them: {@code 500ms}, {@code 5s}, {@code 2min},
 * {@code 1h}; {@code 0} is none. (By hand, not with a regular expression: every command reads every
 * environment's durations, and a pattern costs a short command its compilation.)
 */
final class Durations {

  private Durations() {}

  static Duration parse(String text, String setting) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < t.length() && digits < 18 && Character.isDigit(t.charAt(digits)) && t.charAt(digits) < 128) {
      digits++;
    }
    String unit = t.substring(digits).strip();
    boolean known = unit.equals("ms") || unit.equals("s") || unit.equals("min") || unit.equals("m") || unit.equals("h");
    if (digits == 0 || (unit.isEmpty() ? Long.parseLong(t.substring(0, digits)) != 0 : !known)) {
      throw new RetortException(RetortException.Kind.USAGE, setting, "'" + text + "' is not a duration",
          "write a number with a unit: 500ms, 5s, 2min or 1h (0 turns the timeout off)");
    }
    long n = Long.parseLong(t.substring(0, digits));
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "", "s" -> Duration.ofSeconds(n);
      case "min", "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
