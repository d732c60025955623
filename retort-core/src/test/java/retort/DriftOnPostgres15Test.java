package retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.LocalPostgres;

/**
 * Drift on Debian's PostgreSQL 15 (a server the test starts; skipped where .ci/run could not install
 * it): with a scratch server of the same major version, a clean upgrade has no drift and hand-made
 * changes are named as on 17; with the embedded 17 as scratch server, drift says the versions differ.
 */
class DriftOnPostgres15Test {

  @TempDir Path tmp;
  LocalPostgres server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void driftOnPostgres15() throws Exception {
    server = LocalPostgres.start(tmp.resolve("pg15"));
    try (Connection c = DriverManager.getConnection(server.url("postgres")); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE bot");
    }
    ScratchServer same = new ScratchServer() {
      @Override
      public Connection admin() throws SQLException {
        return DriverManager.getConnection(server.url("postgres"));
      }

      @Override
      public Connection open(String database) throws SQLException {
        return DriverManager.getConnection(server.url(database));
      }
    };
    Migrations m = new Migrations(tmp.resolve("migrations"), server.url("bot"));
    m.write(DriftTest.A, null, DriftTest.SCHEMA, "DROP SCHEMA apartments CASCADE;");
    m.retort().upgrade("head");

    DriftReport clean = m.retort().drift(same);
    assertThat(clean.findings()).isEmpty();
    assertThat(clean.warnings()).isEmpty();

    try (Connection c = m.connect(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE apartments.bookings ADD COLUMN note text;"
          + " ALTER TABLE apartments.listings ALTER COLUMN note TYPE varchar(200);"
          + " CREATE INDEX bookings_listing_idx ON apartments.bookings (listing_id)");
    }
    DriftReport drifted = m.retort().drift(same);
    assertThat(drifted.findings()).extracting(DriftFinding::description).containsExactly(
        "apartments.bookings.note: column added outside migrations",
        "apartments.listings.note: column changed outside migrations: type text → character varying(200)",
        "apartments.bookings_listing_idx: index added outside migrations");
    assertThat(drifted.sql()).contains("ALTER TABLE apartments.bookings DROP COLUMN note;",
        "DROP INDEX CONCURRENTLY IF EXISTS apartments.bookings_listing_idx;");

    DriftReport across = m.retort().drift(AutogenerateTest.SCRATCH);
    assertThat(across.warnings()).anyMatch(w -> w.startsWith("the scratch server runs PostgreSQL 17 and the database 15"));
    assertThat(across.findings()).extracting(DriftFinding::description)
        .contains("apartments.bookings.note: column added outside migrations");
  }
}
