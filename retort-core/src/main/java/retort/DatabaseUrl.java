package retort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is: a JDBC URL without any credential, the user, and the secrets kept apart so
 * that nothing can print them. Accepts {@code jdbc:postgresql://…}, libpq's
 * {@code postgresql://user:pass@host:port/db?…} (also {@code postgres://}), SQLAlchemy's
 * {@code postgresql+driver://…}, so an alembic.ini line works unchanged, and {@code embedded}: a
 * PostgreSQL that the command line (or the test extension) starts itself, which {@link #EMBEDDED}
 * stands for and which has no JDBC URL of its own until started.
 *
 * <p>A secret is the password and every URL parameter whose name contains {@code password} in any
 * case ({@code sslpassword}, …). This type has no method that returns one: it prints them as
 * {@code ***}, and hands them to the driver only in {@link #connect}.
 */
public final class DatabaseUrl {

  private static final Pattern URI =
      Pattern.compile("(?i)(postgres|postgresql)(\\+[a-z0-9_]+)?://(?:([^?]*)@)?([^/?@]*)(?:/([^?]*))?(?:\\?(.*))?");

  /** The keyword {@code embedded}: a server the caller starts itself (see {@link #isEmbedded}). */
  public static final String EMBEDDED_KEYWORD = "embedded";

  /** The embedded server, before it is started: it has no JDBC URL and cannot {@link #connect}. */
  public static final DatabaseUrl EMBEDDED = new DatabaseUrl(null, null, null, Map.of());

  private final String jdbcUrl;
  private final String user;
  private final Secret password;
  /** Parameters whose name contains "password", by their driver name; never in {@link #jdbcUrl}. */
  private final Map<String, Secret> secretParameters;

  private DatabaseUrl(String jdbcUrl, String user, Secret password, Map<String, Secret> secretParameters) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.secretParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretParameters));
  }

  /**
   * Parses a URL in one of the accepted forms.
   *
   * @throws RetortException (usage) when it is not a PostgreSQL URL; the message never holds a secret
   */
  public static DatabaseUrl parse(String url) {
    return parse(url, null);
  }

  /** Parses a URL; an error names {@code setting} (e.g. {@code env.prod.url}, {@code --url}) as its location. */
  public static DatabaseUrl parse(String url, String setting) {
    String u = url.strip();
    if (u.equals(EMBEDDED_KEYWORD)) {
      return EMBEDDED;
    }
    if (u.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
      return fromJdbc(u, setting);
    }
    Matcher m = URI.matcher(u);
    if (!m.matches()) {
      throw new RetortException(RetortException.Kind.USAGE, setting,
          "'" + maskAnyPassword(u) + "' is not a PostgreSQL URL",
          "write postgresql://user@host:5432/dbname, jdbc:postgresql://host:5432/dbname or embedded");
    }
    String user = null;
    Secret password = null;
    if (m.group(3) != null) {
      String userinfo = m.group(3);
      int colon = userinfo.indexOf(':');
      user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon), setting);
      password = colon < 0 ? null : Secret.of(decode(userinfo.substring(colon + 1), setting));
    }
    String hosts = m.group(4).isEmpty() ? "localhost" : m.group(4);
    String database = m.group(5) == null ? "" : decode(m.group(5), setting);
    Query q = Query.read(m.group(6), setting, true);
    return new DatabaseUrl("jdbc:postgresql://" + hosts + "/" + database + q.suffix(), q.user != null ? q.user : user,
        q.password != null ? q.password : password, q.secrets);
  }

  private static DatabaseUrl fromJdbc(String u, String setting) {
    int at = u.indexOf('?');
    Query q = Query.read(at < 0 ? null : u.substring(at + 1), setting, false);
    return new DatabaseUrl((at < 0 ? u : u.substring(0, at)) + q.suffix(), q.user, q.password, q.secrets);
  }

  /**
   * A URL's query parameters, the user and the secrets taken out; libpq's names that differ in the
   * JDBC driver ({@code application_name}, {@code connect_timeout}) renamed when {@code libpq}.
   */
  private static final class Query {
    String user;
    Secret password;
    final Map<String, Secret> secrets = new LinkedHashMap<>();
    final List<String> kept = new ArrayList<>();

    static Query read(String query, String setting, boolean libpq) {
      Query q = new Query();
      if (query == null || query.isEmpty()) {
        return q;
      }
      for (String p : query.split("&")) {
        String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
        String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1), setting) : "";
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals("user")) {
          q.user = value;
        } else if (lower.equals("password")) {
          q.password = Secret.of(value);
        } else if (lower.contains("password")) {
          Secret secret = Secret.of(value);
          if (secret != null) {
            q.secrets.put(key, secret);
          }
        } else if (libpq && lower.equals("application_name")) {
          q.kept.add("ApplicationName=" + value);
        } else if (libpq && lower.equals("connect_timeout")) {
          q.kept.add("connectTimeout=" + value);
        } else if (!p.isEmpty()) {
          q.kept.add(p);
        }
      }
      return q;
    }

    String suffix() {
      return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }
  }

  private static String decode(String s, String setting) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RetortException(RetortException.Kind.USAGE, setting,
          "the URL has a '%' that is not an escape (%XX)",
          "write a literal % as %25, e.g. in a password");
    }
  }

  /** Masks a password in a URL that did not parse, as far as its shape allows. */
  static String maskAnyPassword(String url) {
    String masked = url.replaceAll("(?i)([a-z_]*password=)[^&\\s]*", "$1***");
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

  /** Whether this is {@link #EMBEDDED}: a server that whoever runs Retort must start and then name by its real URL. */
  public boolean isEmbedded() {
    return jdbcUrl == null;
  }

  /** This URL with the password taken from elsewhere (PGPASSWORD) when the URL itself has none. */
  public DatabaseUrl withDefaultPassword(String fallback) {
    return isEmbedded() || password != null || fallback == null || fallback.isEmpty() ? this
        : new DatabaseUrl(jdbcUrl, user, Secret.of(fallback), secretParameters);
  }

  /**
   * This URL with another user and password, e.g. from a build tool's credentials store; a null
   * password keeps the URL's own.
   */
  public DatabaseUrl withCredentials(String newUser, String newPassword) {
    requireServer();
    Secret secret = newPassword == null || newPassword.isEmpty() ? password : Secret.of(newPassword);
    return new DatabaseUrl(jdbcUrl, newUser == null || newUser.isEmpty() ? user : newUser, secret, secretParameters);
  }

  /** This URL with another database name on the same server. */
  public DatabaseUrl withDatabase(String database) {
    requireServer();
    int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = jdbcUrl.indexOf('?');
    String rest = query < 0 ? "" : jdbcUrl.substring(query);
    String base = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
    return new DatabaseUrl(base + "/" + database + rest, user, password, secretParameters);
  }

  /** The driver URL, without user or secrets. */
  public String jdbcUrl() {
    requireServer();
    return jdbcUrl;
  }

  private void requireServer() {
    if (isEmbedded()) {
      throw new IllegalStateException("the embedded server has no URL until it is started");
    }
  }

  /** The user, or null when the URL names none (the driver then uses the operating system's user name). */
  public String user() {
    return user;
  }

  /** The password, for this package's tests; never printed. */
  Secret password() {
    return password;
  }

  /** The secret parameter of this name, for this package's tests. */
  Secret secretParameter(String name) {
    return secretParameters.get(name);
  }

  /** Whether the URL (or PGPASSWORD, through {@link #withDefaultPassword}) supplies a password. */
  public boolean hasPassword() {
    return password != null;
  }

  /** The host part as written ({@code host:port}, several of them for a multi-host URL). */
  public String hostAndPort() {
    requireServer();
    String afterScheme = jdbcUrl.substring("jdbc:postgresql://".length());
    int end = afterScheme.indexOf('/');
    return end < 0 ? afterScheme : afterScheme.substring(0, end);
  }

  /**
   * Opens a connection with the user and secrets, named {@code applicationName} in pg_stat_activity
   * unless the URL names one; a failure's message never holds a secret.
   */
  public Connection connect(String applicationName) throws SQLException {
    if (isEmbedded()) {
      throw new SQLException("url = \"embedded\" names a server that must be started first"
          + " (the retort command line and the JUnit extension start it)", "08001");
    }
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password.reveal());
    }
    for (Map.Entry<String, Secret> e : secretParameters.entrySet()) {
      props.setProperty(e.getKey(), e.getValue().reveal());
    }
    props.setProperty("ApplicationName", applicationName);
    props.setProperty("connectTimeout", "10");
    props.setProperty("tcpKeepAlive", "true");
    try {
      return DriverManager.getConnection(jdbcUrl, props);
    } catch (SQLException e) {
      throw new SQLException(scrub(e.getMessage()), e.getSQLState(), e.getErrorCode());
    }
  }

  /** Replaces every secret of this URL in a text, e.g. a driver's error message, with {@code ***}. */
  public String scrub(String text) {
    String out = password == null ? text : password.scrub(text);
    for (Secret s : secretParameters.values()) {
      out = s.scrub(out);
    }
    return out;
  }

  /** The URL as people read it, every secret shown as {@code ***}. */
  @Override
  public String toString() {
    if (isEmbedded()) {
      return EMBEDDED_KEYWORD;
    }
    String base = jdbcUrl.substring("jdbc:".length());
    String who = user == null ? "" : user + (password == null ? "" : ":***") + "@";
    String shown = base.replaceFirst("//", "//" + Matcher.quoteReplacement(who));
    if (secretParameters.isEmpty()) {
      return shown;
    }
    StringBuilder out = new StringBuilder(shown).append(shown.indexOf('?') < 0 ? '?' : '&');
    boolean first = true;
    for (String key : secretParameters.keySet()) {
      out.append(first ? "" : "&").append(key).append("=***");
      first = false;
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabaseUrl other && Objects.equals(other.jdbcUrl, jdbcUrl) && Objects.equals(other.user, user);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(jdbcUrl) * 31 + Objects.hashCode(user);
  }
}
