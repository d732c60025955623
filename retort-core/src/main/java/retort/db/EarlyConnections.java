package retort.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connection source that starts opening its first connections at once, on a thread of its own,
 * so that connecting (and loading the driver, or starting an embedded server) overlaps with reading
 * the migration files. A failure to connect is thrown where the connection is asked for, as if it had
 * been opened then. Closing does not wait for a connection still being opened: whichever of the two
 * comes second closes it, so none is left open and an unreachable host never delays an error.
 */
public final class EarlyConnections implements ConnectionSource, AutoCloseable {

  private static final Object PENDING = new Object();
  private static final Object CLOSED = new Object();

  /** One connection being opened: PENDING, then the connection or the failure, or CLOSED. */
  private static final class Slot {
    final AtomicReference<Object> state = new AtomicReference<>(PENDING);
    final CountDownLatch opened = new CountDownLatch(1);
  }

  private final ConnectionSource source;
  private final Deque<Slot> unused = new ArrayDeque<>();

  private EarlyConnections(ConnectionSource source, int count) {
    this.source = source;
    List<Slot> slots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slots.add(new Slot());
    }
    unused.addAll(slots);                           // taken from here; the opener fills its own list
    Thread opener = new Thread(() -> slots.forEach(this::fill), "retort-connect");
    opener.setDaemon(true);
    opener.start();
  }

  /** Starts opening {@code count} connections from the source. */
  public static EarlyConnections start(ConnectionSource source, int count) {
    return new EarlyConnections(source, count);
  }

  private void fill(Slot slot) {
    if (slot.state.get() == CLOSED) {
      return;
    }
    Object result;
    try {
      result = source.open();
    } catch (SQLException | RuntimeException | Error e) {
      result = e;
    }
    if (!slot.state.compareAndSet(PENDING, result)) {
      closeQuietly(result);                         // closed while it was being opened
    }
    slot.opened.countDown();
  }

  @Override
  public Connection open() throws SQLException {
    Slot slot = unused.poll();
    if (slot == null) {
      return source.open();
    }
    try {
      slot.opened.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while connecting", "08001", e);
    }
    Object result = slot.state.getAndSet(CLOSED);
    if (result instanceof Connection c) {
      return c;
    }
    if (result instanceof SQLException e) {
      throw e;
    }
    if (result instanceof RuntimeException e) {
      throw e;
    }
    if (result instanceof Error e) {
      throw e;
    }
    throw new SQLException("the connection was closed before it was used", "08003");
  }

  /** Closes the connections opened early and never asked for, now or when they finish opening. */
  @Override
  public void close() {
    for (Slot slot : unused) {
      closeQuietly(slot.state.getAndSet(CLOSED));
    }
    unused.clear();
  }

  private static void closeQuietly(Object result) {
    if (result instanceof Connection c) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // it is going away either way
      }
    }
  }
}
