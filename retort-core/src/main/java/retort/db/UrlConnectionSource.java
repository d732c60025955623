package retort.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connections from a {@link DatabaseUrl}, named {@code retort} in pg_stat_activity. */
public final class UrlConnectionSource implements ConnectionSource {

  private final DatabaseUrl url;

  public UrlConnectionSource(DatabaseUrl url) {
    this.url = url;
  }

  @Override
  public Connection open() throws SQLException {
    Properties props = new Properties();
    if (url.user() != null) {
      props.setProperty("user", url.user());
    }
    if (url.password() != null) {
      props.setProperty("password", url.password().reveal());
    }
    props.setProperty("ApplicationName", "retort");
    props.setProperty("connectTimeout", "10");
    props.setProperty("tcpKeepAlive", "true");
    try {
      return DriverManager.getConnection(url.jdbcUrl(), props);
    } catch (SQLException e) {
      throw new SQLException(url.scrub(e.getMessage()), e.getSQLState(), e.getErrorCode());
    }
  }

  public DatabaseUrl url() {
    return url;
  }
}
