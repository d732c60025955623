package retort.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A connection source that starts opening its first connections at once, on a thread of its own,
 * so that connecting (and loading the driver, or starting an embedded server) overlaps with reading
 * the migration files. A failure to connect is thrown where the connection is asked for, as if it had
 * been opened then. Connections never asked for are closed with it.
 */
public final class EarlyConnections implements ConnectionSource, AutoCloseable {

  private final ConnectionSource source;
  private final Deque<FutureTask<Connection>> early = new ConcurrentLinkedDeque<>();

  private EarlyConnections(ConnectionSource source, int count) {
    this.source = source;
    List<FutureTask<Connection>> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tasks.add(new FutureTask<>(source::open));
    }
    early.addAll(tasks);                            // taken from here; the opener runs its own list
    Thread opener = new Thread(() -> tasks.forEach(FutureTask::run), "retort-connect");
    opener.setDaemon(true);
    opener.start();
  }

  /** Starts opening {@code count} connections from the source. */
  public static EarlyConnections start(ConnectionSource source, int count) {
    return new EarlyConnections(source, count);
  }

  @Override
  public Connection open() throws SQLException {
    FutureTask<Connection> next = early.poll();
    return next == null ? source.open() : await(next);
  }

  private static Connection await(FutureTask<Connection> task) throws SQLException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while connecting", "08001", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new SQLException(cause.getMessage(), "08001", cause);
    }
  }

  /** Closes the connections that were opened early and never asked for. */
  @Override
  public void close() {
    for (FutureTask<Connection> task; (task = early.poll()) != null; ) {
      try {
        task.get().close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | SQLException | RuntimeException ignored) {
        // it failed to open or to close: nothing is left open either way
      }
    }
  }
}
