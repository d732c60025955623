package retort.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection source for one run that opens a single connection and lends it to every caller:
 * the run lock and the work then share one session, so that a pool with one connection is enough.
 * The connection is opened by the first caller and closed when the last one that holds it closes
 * its view; a caller after that opens a new one. Meant for one run at a time, not for threads that
 * work in parallel.
 */
public final class SharedConnection implements ConnectionSource {

  private final ConnectionSource source;
  private Connection connection;
  private int holders;

  private SharedConnection(ConnectionSource source) {
    this.source = source;
  }

  /** One run's source over {@code source}, of which it opens one connection at a time. */
  public static SharedConnection over(ConnectionSource source) {
    return new SharedConnection(source);
  }

  @Override
  public synchronized Connection open() throws SQLException {
    if (connection == null || holders == 0) {
      connection = source.open();
    }
    holders++;
    return view(connection);
  }

  private synchronized void release(Connection c) throws SQLException {
    if (c != connection || holders == 0) {
      return;
    }
    holders--;
    if (holders == 0) {
      connection = null;
      c.close();
    }
  }

  /** The connection as one caller holds it: closing it gives it back once. */
  private Connection view(Connection c) {
    InvocationHandler handler = new InvocationHandler() {
      private boolean closed;

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
          case "close" -> {
            if (!closed) {
              closed = true;
              release(c);
            }
            return null;
          }
          case "isClosed" -> {
            return closed || c.isClosed();
          }
          case "equals" -> {
            return proxy == args[0];
          }
          case "hashCode" -> {
            return System.identityHashCode(proxy);
          }
          case "toString" -> {
            return "shared " + c;
          }
          default -> {
            if (closed) {
              throw new SQLException("connection closed", "08003");
            }
            try {
              return method.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }
}
