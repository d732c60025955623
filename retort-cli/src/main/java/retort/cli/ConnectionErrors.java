package retort.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import retort.ConnectionFactory;
import retort.DatabaseUrl;

/**
 * Connections whose network failures say which host and port they tried and what to check: the
 * driver's own message is only "The connection attempt failed" for a host that does not resolve.
 */
final class ConnectionErrors implements ConnectionFactory {

  private final DatabaseUrl url;

  ConnectionErrors(DatabaseUrl url) {
    this.url = url;
  }

  @Override
  public Connection open() throws SQLException {
    try {
      return url.connect("retort");
    } catch (SQLException e) {
      throw explained(e);
    }
  }

  /**
   * The driver says only "The connection attempt failed" when the host does not resolve or does not
   * answer (its cause does not reach us); find out which, by resolving the host ourselves.
   */
  private SQLException explained(SQLException e) {
    if (e.getMessage() == null || !e.getMessage().startsWith("The connection attempt failed")) {
      return e;
    }
    String where = url.hostAndPort();
    if (where.contains(",")) {
      return e;                                    // several hosts: the driver tried each in turn
    }
    int colon = where.lastIndexOf(':');
    boolean hasPort = colon > 0 && where.indexOf(']') < colon;
    String host = hasPort ? where.substring(0, colon) : where;
    String port = hasPort ? where.substring(colon + 1) : "5432";
    String what;
    try {
      InetAddress.getByName(host.replace("[", "").replace("]", ""));
      what = host + " (port " + port + ") did not answer in time: check the host and port in the URL, and any"
          + " firewall between this machine and the server";
    } catch (UnknownHostException unknown) {
      what = "the host '" + host + "' (port " + port + ") is unknown: its name does not resolve;"
          + " check the host in the URL, and the DNS or /etc/hosts of this machine";
    }
    return new SQLException(what, e.getSQLState() == null ? "08001" : e.getSQLState(), e);
  }
}
