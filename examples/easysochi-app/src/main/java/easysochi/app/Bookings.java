package easysochi.app;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bookings of a stay [check-in, check-out). The database refuses a pending or confirmed stay that
 * overlaps another of the same apartment (constraint bookings_no_overlap, SQLSTATE 23P01).
 */
@Repository
public class Bookings {

  private final JdbcClient jdbc;

  public Bookings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Books a pending stay and returns its id. */
  public long book(long apartmentId, long guestId, LocalDate checkIn, LocalDate checkOut, int guests,
      BigDecimal totalPrice) {
    return jdbc.sql("""
            INSERT INTO apartments.bookings (apartment_id, guest_id, stay, guests, total_price)
            VALUES (:apartment, :guest, daterange(:checkIn, :checkOut), :guests, :total)
            RETURNING id""")
        .param("apartment", apartmentId)
        .param("guest", guestId)
        .param("checkIn", checkIn)
        .param("checkOut", checkOut)
        .param("guests", guests)
        .param("total", totalPrice)
        .query(Long.class)
        .single();
  }

  /** Cancels a booking, which frees its dates. */
  public void cancel(long bookingId) {
    jdbc.sql("UPDATE apartments.bookings SET status = 'cancelled' WHERE id = :id").param("id", bookingId).update();
  }
}
