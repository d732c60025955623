package easysochi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import retort.junit.RetortTest;

/**
 * The bot's repositories on a copy of the migrated EasySochi database, working as the role the bot
 * runs as ({@code easysochi_app}: DML only), while the test data is written by the owner.
 */
@RetortTest(location = "classpath:db/retort", reset = RetortTest.Reset.PER_METHOD)
class BookingsTest {

  static final LocalDate JUNE_1 = LocalDate.of(2027, 6, 1);

  DataSource owner;
  JdbcClient app;
  long apartment;
  long guest;

  @BeforeEach
  void seed(DataSource ds) {
    owner = ds;
    JdbcClient db = JdbcClient.create(ds);
    long host = db.sql("INSERT INTO users (telegram_id, username, role) VALUES (1001, 'host', 'owner') RETURNING id")
        .query(Long.class).single();
    guest = db.sql("INSERT INTO users (telegram_id, username) VALUES (2002, 'guest') RETURNING id")
        .query(Long.class).single();
    apartment = db.sql("""
            INSERT INTO apartments.apartments (owner_id, district_id, title, price_per_night, status)
            SELECT :host, id, 'Sea view studio', 4500, 'active' FROM apartments.districts WHERE name = 'Адлерский'
            RETURNING id""").param("host", host).query(Long.class).single();
    db.sql("INSERT INTO apartments.photos (apartment_id, file_id, position) VALUES (:a, 'cover-file', 1), (:a, 'second', 2)")
        .param("a", apartment).update();
    app = JdbcClient.create(asAppRole(ds));
  }

  @Test
  void guestsSeeActiveListingsWithTheirDistrictAndCover() {
    assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("easysochi_app");

    assertThat(new Listings(app).inDistrict("Адлерский")).containsExactly(new Listings.Listing(apartment,
        "Sea view studio", "Адлерский", new BigDecimal("4500.00"), "cover-file", 0));
    assertThat(new Listings(app).inDistrict("Сириус")).isEmpty();
  }

  @Test
  void anOverlappingStayIsRefusedByTheDatabaseUntilTheFirstIsCancelled() {
    Bookings bookings = new Bookings(app);
    long first = bookings.book(apartment, guest, JUNE_1, JUNE_1.plusDays(4), 2, new BigDecimal("18000"));
    bookings.book(apartment, guest, JUNE_1.plusDays(4), JUNE_1.plusDays(6), 2, new BigDecimal("9000")); // back to back

    DataAccessException e = assertThrows(DataAccessException.class,
        () -> bookings.book(apartment, guest, JUNE_1.plusDays(3), JUNE_1.plusDays(5), 1, new BigDecimal("9000")));
    assertThat(e.getMostSpecificCause()).isInstanceOf(PSQLException.class);
    assertThat(((PSQLException) e.getMostSpecificCause()).getSQLState()).isEqualTo("23P01");
    assertThat(e.getMostSpecificCause().getMessage()).contains("bookings_no_overlap");

    bookings.cancel(first);
    bookings.book(apartment, guest, JUNE_1.plusDays(1), JUNE_1.plusDays(3), 1, new BigDecimal("9000"));
    assertThat(app.sql("SELECT count(*) FROM apartments.bookings WHERE status = 'pending'").query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void theBotsRoleCannotTouchTheVersionTable() {
    DataAccessException e = assertThrows(DataAccessException.class,
        () -> app.sql("DELETE FROM public.retort_version").update());
    assertThat(((SQLException) e.getMostSpecificCause()).getSQLState()).isEqualTo("42501");
    assertThat(JdbcClient.create(owner).sql("SELECT version_num FROM retort_version").query(String.class).list())
        .containsExactly("61d1001d5763");
  }

  /** Connections of the data source as the bot's role: SET ROLE easysochi_app on each one. */
  static DataSource asAppRole(DataSource ds) {
    return new DelegatingDataSource(ds) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection c = super.getConnection();
        try (Statement s = c.createStatement()) {
          s.execute("SET ROLE easysochi_app");
        }
        return c;
      }
    };
  }
}
