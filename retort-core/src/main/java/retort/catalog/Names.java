package retort.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Quoting of identifiers and literals as PostgreSQL's {@code quote_ident} and {@code quote_literal} do. */
public final class Names {

  /** The keywords that {@code quote_ident} quotes: every one but the unreserved (PostgreSQL 17). */
  private static final Set<String> KEYWORDS = load();

  private Names() {}

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = Names.class.getResourceAsStream("keywords.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  /** The identifier, in double quotes when it is not a plain lowercase word or is a keyword. */
  public static String quote(String identifier) {
    if (plain(identifier) && !KEYWORDS.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.name}, each quoted where needed. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  /** A string literal: {@code 'it''s'}. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static boolean plain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    if (!(first >= 'a' && first <= 'z') && first != '_') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }
}
