package retort.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a line of retort.toml, said without the TOML parser's own message: that
 * message repeats the text it choked on, which on a url line is the password.
 */
final class TomlErrors {

  /** A key that the parser names: keys are safe to repeat, values are not. */
  private static final Pattern TWICE = Pattern.compile(".*entry \"\\[([A-Za-z0-9_.-]+)]\" defined twice.*", Pattern.DOTALL);

  private TomlErrors() {}

  static String describe(String parserMessage) {
    String m = parserMessage == null ? "" : parserMessage;
    Matcher twice = TWICE.matcher(m);
    if (twice.matches()) {
      return "'" + twice.group(1) + "' is set twice in the same table";
    }
    if (m.startsWith("Invalid newline in basic string") || m.startsWith("Invalid newline in literal string")) {
      return "a quoted string is not closed on its line (a missing quote)";
    }
    if (m.startsWith("Not enough data available")) {
      return "the file ends inside a value: a string, a list or a table is not closed";
    }
    if (m.startsWith("Invalid escapement")) {
      return "a backslash in a \"double-quoted\" string starts no valid escape"
          + " (write \\\\ for a backslash, or use 'single quotes')";
    }
    if (m.contains("after key")) {
      return "a key must be followed by '=' (key = \"value\")";
    }
    if (m.contains("in table name") || m.contains("table array name")) {
      return "a table header is not closed: write [env.NAME] on a line of its own";
    }
    if (m.contains("after table entry") || m.contains("after value")) {
      return "something follows the value on this line (a comment starts with #)";
    }
    if (m.contains("in inline table") || m.contains("in array")) {
      return "a list or an inline table is not closed";
    }
    if (m.contains("in number") || m.contains("Invalid value") || m.contains("Invalid bare")) {
      return "a value must be a \"quoted string\", a number, true or false";
    }
    return "this line cannot be read as TOML";
  }
}
