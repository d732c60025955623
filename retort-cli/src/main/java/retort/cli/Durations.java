package retort.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import retort.RetortException;

/** Reads durations written as PostgreSQL writes them: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}; {@code 0} is none. */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)?");

  private Durations() {}

  static Duration parse(String text, String setting) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(2) == null && !m.group(1).equals("0"))) {
      throw new RetortException(RetortException.Kind.USAGE, setting, "'" + text + "' is not a duration",
          "write a number with a unit: 500ms, 5s, 2min or 1h (0 turns the timeout off)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "min", "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
