package retort.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;

/** Connections opened ahead of use: handed out, failures thrown where asked, none left open. */
class EarlyConnectionsTest {

  @TempDir Path dir;

  @Test
  void connectionsOpenedAheadAreHandedOutAndTheRestClosed() throws Exception {
    Migrations m = new Migrations(dir);
    List<Connection> opened = new CopyOnWriteArrayList<>();
    ConnectionSource source = () -> {
      Connection c = m.connect();
      opened.add(c);
      return c;
    };
    Connection first;
    try (EarlyConnections early = EarlyConnections.start(source, 2)) {
      first = early.open();
      assertThat(first.isValid(2)).isTrue();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;   // the opener may still be connecting on a busy machine
    while (opened.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(100);                                      // and closing it as it arrives
    assertThat(opened).hasSize(2);
    assertThat(first.isClosed()).isFalse();
    assertThat(opened.get(1).isClosed()).as("the one never asked for").isTrue();
    first.close();
  }

  @Test
  void closingDoesNotWaitForASlowConnectionAndItIsClosedWhenItArrives() throws Exception {
    Migrations m = new Migrations(dir);
    List<Connection> opened = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch connecting = new java.util.concurrent.CountDownLatch(1);
    ConnectionSource slow = () -> {
      connecting.countDown();
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Connection c = m.connect();
      opened.add(c);
      return c;
    };
    EarlyConnections early = EarlyConnections.start(slow, 1);
    connecting.await();
    long started = System.nanoTime();
    early.close();
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);

    Thread.sleep(3_000);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).isClosed()).isTrue();
  }

  @Test
  void aFailureToConnectIsThrownWhereTheConnectionIsAskedFor() {
    ConnectionSource refused = () -> {
      throw new SQLException("connection refused", "08001");
    };
    try (EarlyConnections early = EarlyConnections.start(refused, 1)) {
      SQLException e = assertThrows(SQLException.class, early::open);
      assertThat(e.getSQLState()).isEqualTo("08001");
      assertThat(e.getMessage()).isEqualTo("connection refused");
    }
  }
}
