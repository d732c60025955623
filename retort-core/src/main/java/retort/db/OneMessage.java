package retort.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Sends several SQL statements to the server in one message, one round trip, and says which one
 * failed. JDBC's own multi-statement execute forgets how far it got when a statement fails, so this
 * goes one level down, to the driver's query executor, and counts the statements as they complete.
 *
 * <p>The parts go one statement per round trip instead (slower, equally exact) when the driver's
 * split does not give back exactly the parts it was given (it stops splitting after a
 * {@code BEGIN ATOMIC} body, and rewrites {@code ??}), when the connection does not unwrap to the
 * driver's own (a pool's wrapper), when the driver lacks the internal API (a LinkageError), and when a
 * part is a {@code COPY ... FROM STDIN}, whose data goes through the driver's COPY API.
 */
public final class OneMessage {

  private OneMessage() {}

  /** A part of the message failed; the parts before it ran, the ones after it did not. */
  public static final class PartFailed extends Exception {
    private final int part;

    PartFailed(int part, SQLException cause) {
      super(cause.getMessage(), cause, false, false);
      this.part = part;
    }

    /** The index of the failed part. */
    public int part() {
      return part;
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /** A way to send all the parts in one message; false when it cannot send these parts so. */
  interface Pipeline {
    boolean send(Connection connection, List<String> parts) throws PartFailed, SQLException;

    /** Whether it failed to link once (the driver lacks the internal API), so that it is not tried again. */
    boolean broken();

    void broke();
  }

  /** Runs the parts in order on the connection, in its current transaction mode. */
  public static void send(Connection connection, List<String> parts) throws PartFailed, SQLException {
    send(connection, parts, Map.of());
  }

  /** Runs the parts in order; {@code copyData} holds the data of each COPY ... FROM STDIN part, by index. */
  public static void send(Connection connection, List<String> parts, Map<Integer, String> copyData)
      throws PartFailed, SQLException {
    send(connection, parts, copyData, DriverPipeline.INSTANCE);
  }

  static void send(Connection connection, List<String> parts, Map<Integer, String> copyData, Pipeline pipeline)
      throws PartFailed, SQLException {
    if (copyData.isEmpty() && !pipeline.broken()) {
      try {
        if (pipeline.send(connection, parts)) {
          return;
        }
      } catch (LinkageError e) {
        pipeline.broke();                           // this driver lacks the internal API: never again
      }
    }
    sendEach(connection, parts, copyData);
  }

  private static void sendEach(Connection connection, List<String> parts, Map<Integer, String> copyData)
      throws PartFailed, SQLException {
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      for (int i = 0; i < parts.size(); i++) {
        try {
          String data = copyData.get(i);
          if (data == null) {
            s.execute(parts.get(i));
          } else {
            copyIn(connection, parts.get(i), data);
          }
        } catch (SQLException e) {
          throw new PartFailed(i, e);
        }
      }
    }
  }

  /** Runs a COPY ... FROM STDIN with its data through the driver's COPY API; returns the rows copied. */
  public static long copyIn(Connection connection, String sql, String data) throws SQLException {
    if (!connection.isWrapperFor(PGConnection.class)) {
      throw new SQLException("COPY ... FROM STDIN needs the PostgreSQL driver's own connection, and this"
          + " connection does not unwrap to it", "0A000");
    }
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
    } catch (IOException e) {
      throw new SQLException("cannot read the COPY data: " + e.getMessage(), "58030", e);
    }
  }
}
