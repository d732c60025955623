package retort;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new connection to the database Retort works on; each call gives a connection of its own,
 * which Retort closes. A {@code DataSource}'s {@code getConnection} is one.
 */
@FunctionalInterface
public interface ConnectionFactory {

  Connection open() throws SQLException;
}
