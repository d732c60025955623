package retort.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the target database; each call gives a connection of its own. */
@FunctionalInterface
public interface ConnectionSource {

  Connection open() throws SQLException;
}
