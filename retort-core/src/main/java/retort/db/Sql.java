package retort.db;

import java.time.Instant;

/** How values are written into SQL text: one rule for string literals, one for timestamps. */
public final class Sql {

  private Sql() {}

  /**
   * A string literal that reads the same whatever {@code standard_conforming_strings} says: quotes
   * doubled, and, when the value holds a backslash, an {@code E''} string with backslashes doubled
   * too; NUL, which PostgreSQL text cannot hold, left out. Null is {@code NULL}.
   */
  public static String literal(String value) {
    if (value == null) {
      return "NULL";
    }
    boolean escape = value.indexOf('\\') >= 0;
    StringBuilder out = new StringBuilder(value.length() + 3).append(escape ? "E'" : "'");
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\'' || ch == '\\') {
        out.append(ch);
      } else if (ch == 0) {
        continue;
      }
      out.append(ch);
    }
    return out.append('\'').toString();
  }

  /** A {@code timestamptz} literal, or {@code NULL}. */
  public static String timestamp(Instant t) {
    return t == null ? "NULL" : "'" + t + "'::timestamptz";
  }
}
