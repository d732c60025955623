package retort.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

/**
 * The one-message path of {@link OneMessage} through the driver's query executor, an internal API of
 * the PostgreSQL driver: kept in a class of its own, so that a driver without it fails here with a
 * LinkageError that {@link OneMessage} catches, not where the class that calls it is loaded.
 */
final class DriverPipeline implements OneMessage.Pipeline {

  static final DriverPipeline INSTANCE = new DriverPipeline();

  private static final String SEPARATOR = "\n;\n";

  private volatile boolean broken;

  private DriverPipeline() {}

  @Override
  public boolean broken() {
    return broken;
  }

  @Override
  public void broke() {
    broken = true;
  }

  @Override
  public boolean send(Connection connection, List<String> parts) throws OneMessage.PartFailed, SQLException {
    BaseConnection driver;
    try {
      driver = connection.unwrap(BaseConnection.class);
    } catch (SQLException notTheDriversOwn) {
      return false;                                 // a wrapper that does not unwrap: one part per round trip
    }
    QueryExecutor executor = driver.getQueryExecutor();
    Query query = executor.createSimpleQuery(String.join(SEPARATOR, parts));
    if (!splitsInto(query, parts)) {
      return false;
    }
    Counter counter = new Counter();
    try {
      executor.execute(query, null, counter, 0, 0, QueryExecutor.QUERY_ONESHOT);
    } catch (SQLException e) {
      throw new OneMessage.PartFailed(counter.failedAt < 0 ? counter.done : counter.failedAt, e);
    }
    return true;
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
