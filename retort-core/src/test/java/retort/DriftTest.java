package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Retort.drift} on a real database: a clean upgrade has no drift; a hand-made change of each
 * kind the catalog model covers is found and named as a user knows the object; the SQL it prints
 * takes the database back; what the checkout cannot judge is a usage error.
 */
class DriftTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  static final String SCHEMA = """
      CREATE SCHEMA apartments;
      CREATE TYPE apartments.status AS ENUM ('draft', 'active');
      CREATE DOMAIN apartments.positive AS numeric CHECK (VALUE > 0);
      CREATE TABLE apartments.listings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL,
          price numeric(10,2), status apartments.status NOT NULL DEFAULT 'draft', note text);
      CREATE INDEX listings_title_idx ON apartments.listings (title);
      CREATE TABLE apartments.bookings (id bigint PRIMARY KEY, listing_id bigint NOT NULL REFERENCES apartments.listings (id),
          nights int CONSTRAINT bookings_nights_check CHECK (nights > 0));
      CREATE SEQUENCE apartments.ticket_seq;
      CREATE VIEW apartments.active AS SELECT id, title FROM apartments.listings WHERE status = 'active';
      CREATE MATERIALIZED VIEW apartments.counts AS SELECT status, count(*) AS n FROM apartments.listings GROUP BY status;
      CREATE FUNCTION apartments.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
      CREATE TRIGGER listings_touch BEFORE UPDATE ON apartments.listings FOR EACH ROW EXECUTE FUNCTION apartments.touch();
      ALTER TABLE apartments.bookings ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own ON apartments.bookings USING (true);
      COMMENT ON TABLE apartments.listings IS 'listings';
      """;

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir.resolve("migrations"));
    m.write(A, null, SCHEMA, "DROP SCHEMA apartments CASCADE;");
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = m.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private DriftReport drift() {
    return m.retort().drift(AutogenerateTest.SCRATCH);
  }

  private static List<String> described(DriftReport r) {
    return r.findings().stream().map(DriftFinding::description).toList();
  }

  @Test
  void aCleanUpgradeHasNoDrift() {
    m.retort().upgrade("head");

    DriftReport r = drift();

    assertThat(r.findings()).isEmpty();
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.sql()).isEmpty();
    assertThat(r.recorded()).containsExactly(A);
  }

  @Test
  void eachHandMadeChangeIsFoundAndNamed() throws Exception {
    m.retort().upgrade("head");
    exec("""
        ALTER TABLE apartments.bookings ADD COLUMN note text;
        ALTER TABLE apartments.listings ALTER COLUMN note TYPE varchar(200);
        ALTER TABLE apartments.listings ALTER COLUMN price SET NOT NULL;
        ALTER TABLE apartments.listings ALTER COLUMN title SET DEFAULT '';
        DROP INDEX apartments.listings_title_idx;
        CREATE INDEX bookings_listing_idx ON apartments.bookings (listing_id);
        ALTER TABLE apartments.bookings DROP CONSTRAINT bookings_nights_check;
        ALTER TABLE apartments.bookings SET (fillfactor = 70);
        ALTER TYPE apartments.status ADD VALUE 'archived';
        CREATE TABLE apartments.audit (id int PRIMARY KEY, what text);
        CREATE OR REPLACE FUNCTION apartments.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
        CREATE FUNCTION public.helper() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        DROP TRIGGER listings_touch ON apartments.listings;
        DROP POLICY own ON apartments.bookings;
        CREATE POLICY mine ON apartments.bookings USING (nights > 1);
        COMMENT ON TABLE apartments.listings IS 'all listings';
        GRANT SELECT ON apartments.listings TO PUBLIC;
        ALTER SEQUENCE apartments.ticket_seq INCREMENT BY 10;
        CREATE OR REPLACE VIEW apartments.active AS SELECT id, title FROM apartments.listings WHERE status <> 'draft';
        DROP MATERIALIZED VIEW apartments.counts;
        CREATE SCHEMA reporting;
        CREATE EXTENSION pg_trgm;
        ALTER DEFAULT PRIVILEGES IN SCHEMA apartments GRANT SELECT ON TABLES TO PUBLIC;
        ALTER DOMAIN apartments.positive SET DEFAULT 1;
        CREATE TYPE apartments.pair AS (a int, b int);
        CREATE TYPE apartments.floatrange AS RANGE (subtype = float8);
        CREATE COLLATION apartments.binary FROM "C";
        CREATE PROCEDURE apartments.tidy() LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE AGGREGATE apartments.total(int) (sfunc = int4pl, stype = int);
        CREATE FUNCTION public.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
        CREATE EVENT TRIGGER on_ddl ON ddl_command_end EXECUTE FUNCTION public.on_ddl();
        """);

    DriftReport r = drift();

    try {
      assertThat(described(r)).contains(
          "apartments.bookings.note: column added outside migrations",
          "apartments.listings.note: column changed outside migrations: type text → character varying(200)",
          "apartments.listings.price: column changed outside migrations: not null no → yes",
          "apartments.listings.title: column changed outside migrations: default none → ''::text",
          "apartments.listings_title_idx: index removed outside migrations",
          "apartments.bookings_listing_idx: index added outside migrations",
          "apartments.bookings.bookings_nights_check: constraint removed outside migrations",
          "apartments.bookings: table changed outside migrations: options none → fillfactor=70",
          "apartments.status: enum changed outside migrations: labels draft, active → draft, active, archived",
          "apartments.audit: table added outside migrations",
          "apartments.touch(): function changed outside migrations: definition differs",
          "public.helper(): function added outside migrations",
          "apartments.listings.listings_touch: trigger removed outside migrations",
          "apartments.bookings.own: policy removed outside migrations",
          "apartments.bookings.mine: policy added outside migrations",
          "apartments.listings: table changed outside migrations: comment listings → all listings; privileges +SELECT to PUBLIC",
          "apartments.ticket_seq: sequence changed outside migrations: increment 1 → 10",
          "apartments.active: view changed outside migrations: definition differs",
          "apartments.counts: materialized view removed outside migrations",
          "reporting: schema added outside migrations",
          "pg_trgm: extension added outside migrations",
          "apartments.positive: domain changed outside migrations: default none → 1",
          "apartments.pair: type added outside migrations",
          "apartments.floatrange: type added outside migrations",
          "apartments.binary: collation added outside migrations",
          "apartments.tidy(): procedure added outside migrations",
          "apartments.total(integer): aggregate added outside migrations",
          "on_ddl: event trigger added outside migrations");
      assertThat(described(r)).anyMatch(d -> d.startsWith("apartments: TABLES of ")
          && d.endsWith("default privileges added outside migrations"));
      assertThat(described(r)).noneMatch(d -> d.startsWith("apartments.audit."))
          .as("what an added table contains goes with it");
    } finally {
      exec("DROP EVENT TRIGGER IF EXISTS on_ddl");
    }
  }

  @Test
  void theSqlItPrintsTakesTheDatabaseBack() throws Exception {
    m.retort().upgrade("head");
    exec("""
        ALTER TABLE apartments.bookings ADD COLUMN note text;
        ALTER TABLE apartments.listings ALTER COLUMN note TYPE varchar(200);
        DROP INDEX apartments.listings_title_idx;
        CREATE TABLE apartments.audit (id int PRIMARY KEY);
        CREATE OR REPLACE VIEW apartments.active AS SELECT id, title FROM apartments.listings WHERE status <> 'draft';
        GRANT SELECT ON apartments.listings TO PUBLIC;
        """);
    DriftReport r = drift();
    assertThat(r.findings()).hasSize(6);
    assertThat(r.sql()).contains("DROP TABLE apartments.audit", "ALTER TABLE apartments.bookings DROP COLUMN note");

    for (String part : r.sql().split("(?m)^-- part \\d+ of \\d+.*$")) {
      try (Connection c = m.connect(); Statement s = c.createStatement()) {
        for (retort.sql.Statement st : retort.sql.Lexer.statements(part, 1)) {
          s.execute(st.sql());
        }
      }
    }

    assertThat(drift().findings()).isEmpty();
  }

  @Test
  void everyHeadTheVersionRowsRecordIsRebuilt() throws Exception {
    m.write(B, A, "CREATE TABLE apartments.reviews (id int);", "DROP TABLE apartments.reviews;");
    m.write("cccc00000003", A, "CREATE TABLE apartments.photos (id int);", "DROP TABLE apartments.photos;");
    m.retort().upgrade("heads");
    assertThat(m.versions()).containsExactly(B, "cccc00000003");

    assertThat(drift().findings()).isEmpty();

    m.retort().downgrade("cccc00000003@-1");
    exec("CREATE TABLE apartments.photos (id int)");
    assertThat(described(drift())).containsExactly("apartments.photos: table added outside migrations");
  }

  @Test
  void aRevisionTheCheckoutDoesNotKnowIsAUsageError() throws Exception {
    m.retort().upgrade("head");
    exec("UPDATE public.retort_version SET version_num = 'ffff00000009'");

    assertThatThrownBy(this::drift).isInstanceOfSatisfying(RetortException.class, e -> {
      assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
      assertThat(e.getMessage()).contains("records revision ffff00000009, which this checkout does not know");
    });
  }

  @Test
  void aDatabaseWithoutHistoryIsAUsageErrorThatPointsAtBaseline() {
    assertThatThrownBy(this::drift).isInstanceOfSatisfying(RetortException.class, e -> {
      assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
      assertThat(e.getMessage()).contains("has no version table");
      assertThat(e.hint()).contains("retort baseline");
    });
  }

  @Test
  void aSessionHoldingAnAccessExclusiveLockMakesDriftFailFastNamingIt() throws Exception {
    m.retort().upgrade("head");
    try (Connection holder = m.connect(); Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute("LOCK TABLE apartments.listings IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();

      assertThatThrownBy(this::drift).isInstanceOfSatisfying(RetortException.class, e -> {
        assertThat(e.kind()).isEqualTo(RetortException.Kind.LOCK_TIMEOUT);
        assertThat(e.getMessage()).contains("within its lock_timeout of 2 s",
            "apartments.listings is locked ACCESS EXCLUSIVE by pid");
        assertThat(e.hint()).contains("never waits");
      });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
      holder.rollback();
    }
    assertThat(drift().findings()).as("once the lock is gone").isEmpty();
  }

  @Test
  void theBotKeepsWritingWhileDriftReads() throws Exception {
    m.retort().upgrade("head");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread bot = new Thread(() -> {
      try (Connection c = m.connect(); Statement s = c.createStatement()) {
        s.execute("SET lock_timeout = '200ms'");
        while (!stop.get()) {
          s.execute("INSERT INTO apartments.listings (title) VALUES ('sea view')");
          s.execute("UPDATE apartments.listings SET price = 10 WHERE id = (SELECT max(id) FROM apartments.listings)");
          written.incrementAndGet();
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    bot.start();
    try {
      while (written.get() < 5) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < 3; i++) {
        assertThat(drift().findings()).isEmpty();
      }
    } finally {
      stop.set(true);
      bot.join();
    }
    assertThat(failure.get()).as("the bot's writes with lock_timeout 200ms").isNull();
    assertThat(written.get()).isGreaterThan(5);
  }
}
