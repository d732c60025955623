package retort.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

/**
 * Sends several SQL statements to the server in one message, one round trip, and says which one
 * failed. JDBC's own multi-statement execute forgets how far it got when a statement fails, so this
 * goes one level down, to the driver's query executor, and counts the statements as they complete.
 *
 * <p>The driver splits the message into statements with its own parser. When its split does not give
 * back exactly the parts it was given (it stops splitting after a {@code BEGIN ATOMIC} body, and
 * rewrites {@code ??}), the parts are sent one message each instead: slower, equally exact.
 */
public final class OneMessage {

  private static final String SEPARATOR = "\n;\n";

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

  /** Runs the parts in order on the connection, in its current transaction mode. */
  public static void send(Connection connection, List<String> parts) throws PartFailed, SQLException {
    QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
    Query query = executor.createSimpleQuery(String.join(SEPARATOR, parts));
    if (!splitsInto(query, parts)) {
      sendEach(connection, parts);
      return;
    }
    Counter counter = new Counter();
    try {
      executor.execute(query, null, counter, 0, 0, QueryExecutor.QUERY_ONESHOT);
    } catch (SQLException e) {
      throw new PartFailed(counter.failedAt < 0 ? counter.done : counter.failedAt, e);
    }
  }

  private static void sendEach(Connection connection, List<String> parts) throws PartFailed, SQLException {
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      for (int i = 0; i < parts.size(); i++) {
        try {
          s.execute(parts.get(i));
        } catch (SQLException e) {
          throw new PartFailed(i, e);
        }
      }
    }
  }

  /** Whether the driver's split of the message is the parts, one statement each, text for text. */
  private static boolean splitsInto(Query query, List<String> parts) {
    Query[] split = query.getSubqueries();
    if (split == null) {
      return parts.size() == 1 && query.getNativeSql().strip().equals(parts.get(0).strip());
    }
    if (split.length != parts.size()) {
      return false;
    }
    for (int i = 0; i < split.length; i++) {
      if (!split[i].getNativeSql().strip().equals(parts.get(i).strip())) {
        return false;
      }
    }
    return true;
  }

  /** Counts the statements as the server completes them, and where the first error came. */
  private static final class Counter extends ResultHandlerBase {
    int done;
    int failedAt = -1;

    @Override
    public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
      done++;
    }

    @Override
    public void handleCommandStatus(String status, long updateCount, long insertOID) {
      done++;
    }

    @Override
    public void handleError(SQLException error) {
      if (failedAt < 0) {
        failedAt = done;
      }
      super.handleError(error);
    }
  }
}
