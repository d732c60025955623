package retort.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL without any credential, the user, and the password kept apart
 * so that nothing can print it. Accepts {@code jdbc:postgresql://…}, libpq's
 * {@code postgresql://user:pass@host:port/db?…} (also {@code postgres://}), and SQLAlchemy's
 * {@code postgresql+driver://…}, so an alembic.ini line works unchanged.
 */
public final class DatabaseUrl {

  private static final Pattern URI =
      Pattern.compile("(?i)(postgres|postgresql)(\\+[a-z0-9_]+)?://(?:([^?]*)@)?([^/?@]*)(?:/([^?]*))?(?:\\?(.*))?");

  private final String jdbcUrl;
  private final String user;
  private final Secret password;

  private DatabaseUrl(String jdbcUrl, String user, Secret password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Parses a URL in one of the accepted forms; the error never contains the password. */
  public static DatabaseUrl parse(String url) {
    String u = url.strip();
    if (u.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
      return fromJdbc(u);
    }
    Matcher m = URI.matcher(u);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + maskAnyPassword(u) + "' is not a PostgreSQL URL; write postgresql://user@host:5432/dbname,"
              + " jdbc:postgresql://host:5432/dbname or embedded");
    }
    String user = null;
    Secret password = null;
    if (m.group(3) != null) {
      String userinfo = m.group(3);
      int colon = userinfo.indexOf(':');
      user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
      password = colon < 0 ? null : Secret.of(decode(userinfo.substring(colon + 1)));
    }
    String hosts = m.group(4).isEmpty() ? "localhost" : m.group(4);
    String database = m.group(5) == null ? "" : decode(m.group(5));
    List<String> params = new ArrayList<>();
    if (m.group(6) != null && !m.group(6).isEmpty()) {
      for (String p : m.group(6).split("&")) {
        String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
        String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
        switch (key.toLowerCase(Locale.ROOT)) {
          case "user":
            user = value;
            break;
          case "password":
            password = Secret.of(value);
            break;
          case "application_name":
            params.add("ApplicationName=" + value);
            break;
          case "connect_timeout":
            params.add("connectTimeout=" + value);
            break;
          default:
            params.add(p);
        }
      }
    }
    String jdbc = "jdbc:postgresql://" + hosts + "/" + database + (params.isEmpty() ? "" : "?" + String.join("&", params));
    return new DatabaseUrl(jdbc, user, password);
  }

  private static DatabaseUrl fromJdbc(String u) {
    int q = u.indexOf('?');
    if (q < 0) {
      return new DatabaseUrl(u, null, null);
    }
    String user = null;
    Secret password = null;
    List<String> kept = new ArrayList<>();
    for (String p : u.substring(q + 1).split("&")) {
      String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
      String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
      if (key.equalsIgnoreCase("user")) {
        user = value;
      } else if (key.equalsIgnoreCase("password")) {
        password = Secret.of(value);
      } else if (!p.isEmpty()) {
        kept.add(p);
      }
    }
    return new DatabaseUrl(u.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Masks a password in a URL that did not parse, as far as its shape allows. */
  static String maskAnyPassword(String url) {
    String masked = url.replaceAll("(?i)(password=)[^&]*", "$1***");
    int at = masked.lastIndexOf('@');
    if (at < 0) {
      return masked;
    }
    int scheme = masked.indexOf("://");
    int start = scheme >= 0 ? scheme + 3 : (masked.indexOf(":/") >= 0 ? masked.indexOf(":/") + 2 : 0);
    if (start > at) {
      start = 0;
    }
    int colon = masked.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return masked;
    }
    return masked.substring(0, colon + 1) + "***" + masked.substring(at);
  }

  /** This URL with the password taken from elsewhere (PGPASSWORD) when the URL itself has none. */
  public DatabaseUrl withDefaultPassword(String fallback) {
    return password != null || fallback == null || fallback.isEmpty() ? this
        : new DatabaseUrl(jdbcUrl, user, Secret.of(fallback));
  }

  /** The driver URL, without user or password. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public Secret password() {
    return password;
  }

  /** Replaces this URL's password in a text, e.g. a driver's error message. */
  public String scrub(String text) {
    return password == null ? text : password.scrub(text);
  }

  /** The URL as people read it, the password shown as {@code ***}. */
  @Override
  public String toString() {
    String base = jdbcUrl.substring("jdbc:".length());
    String who = user == null ? "" : user + (password == null ? "" : ":***") + "@";
    return base.replaceFirst("//", "//" + java.util.regex.Matcher.quoteReplacement(who));
  }
}
