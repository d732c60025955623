package easysochi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import retort.testing.TestPostgres;

/**
 * The schema at head as the bot and the reports meet it: constraints, triggers, search, and the two
 * roles, through real LOGIN users that are members of them.
 */
class BehaviourTest {

  private static String url;
  private static String appUrl;
  private static String readonlyUrl;
  private static final String APP_USER = Bot.unique("t_app_");
  private static final String READONLY_USER = Bot.unique("t_ro_");
  private static final List<String> CREATED_ROLES = new ArrayList<>();
  private static long owner;
  private static long guest;
  private static long otherGuest;
  private static int district;

  @BeforeAll
  static void atHead() throws SQLException {
    url = TestPostgres.newDatabase();
    Bot.retort(url).upgrade("head");
    Bot.exec(url, "CREATE ROLE " + APP_USER + " LOGIN PASSWORD 'x' IN ROLE easysochi_app");
    CREATED_ROLES.add(APP_USER);
    Bot.exec(url, "CREATE ROLE " + READONLY_USER + " LOGIN PASSWORD 'x' IN ROLE easysochi_readonly");
    CREATED_ROLES.add(READONLY_USER);
    appUrl = Bot.as(url, APP_USER);
    readonlyUrl = Bot.as(url, READONLY_USER);
    try (Connection c = TestPostgres.connect(url)) {
      owner = insertUser(c, 1001, "owner");
      guest = insertUser(c, 1002, "guest");
      otherGuest = insertUser(c, 1003, "guest");
      district = (int) Bot.count(c, "SELECT id FROM apartments.districts WHERE name = 'Адлерский'");
    }
  }

  @AfterAll
  static void cleanUp() throws SQLException {
    for (String role : CREATED_ROLES) {
      Bot.exec(url, "DROP ROLE IF EXISTS " + role);
    }
    if (url != null) {
      Bot.retort(url).downgrade("base");
      UpgradeDowngradeTest.assertNothingOfTheBotLeft(url);
    }
  }

  // ---- data helpers

  private static long insertUser(Connection c, long telegramId, String role) throws SQLException {
    return id(c, "INSERT INTO public.users (telegram_id, username, role) VALUES (" + telegramId
        + ", 'u" + telegramId + "', '" + role + "') RETURNING id");
  }

  private static long apartment(Connection c, String title, String description) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO apartments.apartments"
        + " (owner_id, district_id, title, description, price_per_night, status)"
        + " VALUES (?, ?, ?, ?, 3500, 'active') RETURNING id")) {
      ps.setLong(1, owner);
      ps.setInt(2, district);
      ps.setString(3, title);
      ps.setString(4, description);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long booking(Connection c, long apartment, long guestId, String stay, String status)
      throws SQLException {
    return id(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price, status)"
        + " VALUES (" + apartment + ", " + guestId + ", '" + stay + "', 2, 10500, '" + status + "') RETURNING id");
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PSQLException fails(Connection c, String sql) {
    PSQLException e = catchThrowableOfType(() -> {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }, PSQLException.class);
    assertThat((Object) e).as("expected to fail: %s", sql).isNotNull();
    return e;
  }

  private static void assertSqlState(Connection c, String sql, String state) {
    PSQLException e = fails(c, sql);
    assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage()).isEqualTo(state);
  }

  // ---- bookings

  @Test
  void overlappingLiveBookingsAreRejectedAndCancelledOnesDoNotBlock() throws SQLException {
    try (Connection c = TestPostgres.connect(appUrl)) {
      long flat = apartment(c, "Студия в Адлере", "у моря");
      booking(c, flat, guest, "[2026-07-01,2026-07-08)", "confirmed");

      PSQLException e = fails(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price,"
          + " status) VALUES (" + flat + ", " + otherGuest + ", '[2026-07-05,2026-07-10)', 1, 100, 'confirmed')");
      assertThat(e.getSQLState()).isEqualTo("23P01");
      assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("bookings_no_overlap");
      // pending holds the dates as well
      assertSqlState(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price)"
          + " VALUES (" + flat + ", " + otherGuest + ", '[2026-06-28,2026-07-02)', 1, 100)", "23P01");

      // check-out day is the next check-in day: [a,b) ranges do not overlap
      booking(c, flat, otherGuest, "[2026-07-08,2026-07-10)", "confirmed");
      // a cancelled booking over the same dates does not conflict ...
      long cancelled = booking(c, flat, otherGuest, "[2026-08-01,2026-08-05)", "cancelled");
      booking(c, flat, otherGuest, "[2026-07-02,2026-07-04)", "cancelled");
      // ... and does not block a new confirmed one
      booking(c, flat, guest, "[2026-08-02,2026-08-06)", "confirmed");
      // but it cannot come back to life over a live booking
      assertSqlState(c, "UPDATE apartments.bookings SET status = 'confirmed' WHERE id = " + cancelled, "23P01");
      // another apartment, same dates: fine
      long other = apartment(c, "Квартира в Сириусе", null);
      booking(c, other, otherGuest, "[2026-07-01,2026-07-08)", "confirmed");
    }
  }

  @Test
  void aBookingMustHaveABoundedNonEmptyStay() throws SQLException {
    try (Connection c = TestPostgres.connect(appUrl)) {
      long flat = apartment(c, "Дом на горе", null);
      assertSqlState(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price)"
          + " VALUES (" + flat + ", " + guest + ", '[2026-07-01,)', 1, 100)", "23514");
      assertSqlState(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price)"
          + " VALUES (" + flat + ", " + guest + ", '[2026-07-01,2026-07-01)', 1, 100)", "23514");
    }
  }

  // ---- reviews

  @Test
  void reviewsAreRatedOneToFiveAndOnlyForCompletedBookings() throws SQLException {
    try (Connection c = TestPostgres.connect(appUrl)) {
      long flat = apartment(c, "Квартира с видом", null);
      long done = booking(c, flat, guest, "[2026-05-01,2026-05-03)", "completed");
      long pending = booking(c, flat, guest, "[2026-09-01,2026-09-03)", "pending");

      PSQLException six = fails(c, "INSERT INTO apartments.reviews (booking_id, rating) VALUES (" + done + ", 6)");
      assertThat(six.getSQLState()).isEqualTo("23514");
      assertThat(six.getServerErrorMessage().getConstraint()).isEqualTo("reviews_rating_check");
      assertSqlState(c, "INSERT INTO apartments.reviews (booking_id, rating) VALUES (" + done + ", 0)", "23514");

      PSQLException notDone = fails(c, "INSERT INTO apartments.reviews (booking_id, rating) VALUES (" + pending + ", 5)");
      assertThat(notDone.getSQLState()).isEqualTo("23514");
      assertThat(notDone.getMessage()).contains("only a completed booking may be reviewed");

      id(c, "INSERT INTO apartments.reviews (booking_id, rating, text) VALUES (" + done + ", 5, 'Отлично') RETURNING id");
      // one review per booking
      assertSqlState(c, "INSERT INTO apartments.reviews (booking_id, rating) VALUES (" + done + ", 4)", "23505");
    }
    try (Connection c = TestPostgres.connect(readonlyUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT avg_rating, review_count FROM apartments.active_listings"
            + " WHERE title = 'Квартира с видом'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("5");
      assertThat(rs.getLong(2)).isEqualTo(1);
    }
  }

  // ---- roles

  @Test
  void theAppRoleDoesDmlButNoDdl() throws SQLException {
    try (Connection c = TestPostgres.connect(appUrl)) {
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND NOT rolsuper")).isOne();
      long flat = apartment(c, "Апартаменты для проверки прав", null);
      long b = booking(c, flat, guest, "[2027-01-01,2027-01-05)", "pending");
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("UPDATE apartments.bookings SET status = 'confirmed' WHERE id = " + b)).isOne();
        assertThat(s.executeUpdate("INSERT INTO public.bot_sessions (chat_id, user_id) VALUES (77, " + guest + ")"))
            .isOne();
        assertThat(s.executeUpdate("INSERT INTO apartments.photos (apartment_id, file_id) VALUES (" + flat + ", 'f1')"))
            .isOne();
        assertThat(s.executeUpdate("INSERT INTO apartments.favorites (user_id, apartment_id) VALUES ("
            + guest + ", " + flat + ")")).isOne();
        assertThat(s.executeUpdate("DELETE FROM apartments.favorites WHERE apartment_id = " + flat)).isOne();
      }

      assertSqlState(c, "CREATE TABLE public.evil (id int)", "42501");
      assertSqlState(c, "CREATE TABLE apartments.evil (id int)", "42501");
      assertSqlState(c, "CREATE SCHEMA evil", "42501");
      assertSqlState(c, "DROP TABLE apartments.bookings", "42501");
      assertSqlState(c, "DROP TABLE public.users", "42501");
      assertSqlState(c, "ALTER TABLE apartments.bookings ADD COLUMN evil int", "42501");
      assertSqlState(c, "ALTER TABLE apartments.bookings DROP CONSTRAINT bookings_no_overlap", "42501");
      assertSqlState(c, "ALTER TABLE public.users DISABLE TRIGGER users_set_updated_at", "42501");
      assertSqlState(c, "CREATE INDEX evil_idx ON apartments.bookings (guests)", "42501");
      assertSqlState(c, "TRUNCATE apartments.bookings", "42501");
      assertSqlState(c, "DROP VIEW apartments.active_listings", "42501");
      // the migration tool's tables are not the application's
      assertSqlState(c, "DELETE FROM public.retort_version", "42501");
      assertSqlState(c, "SELECT * FROM public.retort_log", "42501");
    }
  }

  @Test
  void theReadonlyRoleReadsTheViewsOnly() throws SQLException {
    try (Connection c = TestPostgres.connect(url)) {
      long flat = apartment(c, "Видовая квартира для отчёта", "Красивый вид");
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO apartments.photos (apartment_id, file_id, position) VALUES (" + flat + ", 'second', 2),"
            + " (" + flat + ", 'cover', 1)");
      }
    }
    try (Connection c = TestPostgres.connect(readonlyUrl)) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT district_name, cover_file_id, review_count"
              + " FROM apartments.active_listings WHERE title = 'Видовая квартира для отчёта'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Адлерский");
        assertThat(rs.getString(2)).isEqualTo("cover");
        assertThat(rs.getLong(3)).isZero();
      }
      assertThat(Bot.count(c, "SELECT count(*) FROM apartments.owner_stats WHERE owner_id = " + owner)).isOne();

      for (String table : new String[] {"public.users", "public.bot_sessions", "apartments.apartments",
          "apartments.bookings", "apartments.reviews", "apartments.districts", "public.retort_version"}) {
        assertSqlState(c, "SELECT * FROM " + table, "42501");
      }
      assertSqlState(c, "INSERT INTO public.users (telegram_id) VALUES (999)", "42501");
      assertSqlState(c, "INSERT INTO apartments.districts (name) VALUES ('Мацеста')", "42501");
      assertSqlState(c, "INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price)"
          + " VALUES (1, 1, '[2027-01-01,2027-01-02)', 1, 1)", "42501");
      // active_listings is not an updatable view (55000 comes before the privilege check): ask the catalog
      assertThat(Bot.count(c, "SELECT count(*) FROM (VALUES ('INSERT'), ('UPDATE'), ('DELETE')) AS p(priv)"
          + " WHERE has_table_privilege('apartments.active_listings', p.priv)"
          + "    OR has_table_privilege('apartments.owner_stats', p.priv)")).isZero();
      assertSqlState(c, "UPDATE apartments.owner_stats SET username = 'x'", "42501");
      assertSqlState(c, "CREATE TABLE apartments.evil (id int)", "42501");
      assertSqlState(c, "CREATE TABLE public.evil (id int)", "42501");
    }
  }

  // ---- search

  @Test
  void russianFullTextSearchFindsOtherFormsOfAWord() throws SQLException {
    long flat;
    try (Connection c = TestPostgres.connect(appUrl)) {
      flat = apartment(c, "Просторная квартира у моря", "Две комнаты, балкон");
      apartment(c, "Дом в горах", "Камин и баня");
    }
    try (Connection c = TestPostgres.connect(appUrl);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM apartments.apartments"
            + " WHERE search_vector @@ plainto_tsquery('russian', ?) ORDER BY id")) {
      assertThat(ids(ps, "квартиры")).contains(flat);
      assertThat(ids(ps, "квартирами")).contains(flat);
      assertThat(ids(ps, "балконом")).contains(flat); // the description counts too
      assertThat(ids(ps, "квартиры у моря")).containsExactly(flat);
      assertThat(ids(ps, "баня квартира")).isEmpty();
    }
    try (Connection c = TestPostgres.connect(readonlyUrl);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM apartments.active_listings"
            + " WHERE search_vector @@ plainto_tsquery('russian', ?)")) {
      assertThat(ids(ps, "моря")).contains(flat);
    }
    try (Connection c = TestPostgres.connect(appUrl);
        PreparedStatement ps = c.prepareStatement("SELECT id FROM apartments.apartments"
            + " WHERE title % ? ORDER BY id")) {
      // pg_trgm: a misspelt title still matches
      assertThat(ids(ps, "Просторная квартра у моря")).contains(flat);
    }
  }

  private static List<Long> ids(PreparedStatement ps, String query) throws SQLException {
    ps.setString(1, query);
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  // ---- updated_at

  @Test
  void updatedAtMovesOnUpdate() throws Exception {
    long flat;
    long b;
    try (Connection c = TestPostgres.connect(appUrl)) {
      flat = apartment(c, "Квартира для updated_at", null);
      b = booking(c, flat, guest, "[2027-03-01,2027-03-02)", "pending");
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO public.bot_sessions (chat_id, user_id) VALUES (4242, " + otherGuest + ")");
      }
    }
    String[][] rows = {
        {"public.users", "id = " + otherGuest, "username = 'renamed'"},
        {"public.bot_sessions", "chat_id = 4242", "state = '{\"step\": 2}'"},
        {"apartments.apartments", "id = " + flat, "title = 'Квартира для updated_at, обновлено'"},
        {"apartments.bookings", "id = " + b, "status = 'confirmed'"},
    };
    for (String[] row : rows) {
      try (Connection c = TestPostgres.connect(appUrl); Statement s = c.createStatement()) {
        Timestamp before = timestamp(s, "SELECT updated_at FROM " + row[0] + " WHERE " + row[1]);
        Thread.sleep(20);
        assertThat(s.executeUpdate("UPDATE " + row[0] + " SET " + row[2] + " WHERE " + row[1])).isOne();
        Timestamp after = timestamp(s, "SELECT updated_at FROM " + row[0] + " WHERE " + row[1]);
        assertThat(after).as("%s.updated_at", row[0]).isAfter(before);
        // the trigger wins over an explicit value
        s.executeUpdate("UPDATE " + row[0] + " SET updated_at = '2000-01-01' WHERE " + row[1]);
        Timestamp forced = timestamp(s, "SELECT updated_at FROM " + row[0] + " WHERE " + row[1]);
        assertThat(forced).as("%s.updated_at set by hand", row[0]).isAfterOrEqualTo(after);
        Timestamp now = timestamp(s, "SELECT now()");
        assertThat(forced).isBeforeOrEqualTo(now);
      }
    }
    try (Connection c = TestPostgres.connect(appUrl); Statement s = c.createStatement()) {
      Timestamp created = timestamp(s, "SELECT created_at FROM apartments.apartments WHERE id = " + flat);
      Timestamp updated = timestamp(s, "SELECT updated_at FROM apartments.apartments WHERE id = " + flat);
      assertThat(updated).isAfter(created);
    }
  }

  private static Timestamp timestamp(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
