package retort;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL server Retort may use as a scratchpad for autogenerate and diff: it creates and drops
 * databases named {@code retort_*} there, and the roles that migrations and the declared schema
 * create. Never the target database. An implementation opens connections as a role that may create
 * databases and roles (a superuser); each call gives a connection of its own, which Retort closes.
 */
public interface ScratchServer {

  /** A new connection to the server's maintenance database ({@code postgres}). */
  Connection admin() throws SQLException;

  /** A new connection to one database of the server. */
  Connection open(String database) throws SQLException;
}
