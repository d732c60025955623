package retort.scratch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL server Retort may use as a scratchpad: it creates and drops databases named
 * {@code retort_*} there, and the roles that migrations and the declared schema create. An
 * implementation opens connections as a role that may create databases and roles (a superuser).
 */
public interface Cluster {

  /** A new connection to the server's maintenance database ({@code postgres}). */
  Connection admin() throws SQLException;

  /** A new connection to one database of the server. */
  Connection open(String database) throws SQLException;
}
