package easysochi.app;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What guests browse: the view apartments.active_listings. */
@Repository
public class Listings {

  /** One active listing as the bot shows it. */
  public record Listing(long id, String title, String districtName, BigDecimal pricePerNight, String coverFileId,
      long reviewCount) {}

  private final JdbcClient jdbc;

  public Listings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The active listings of a district, cheapest first. */
  public List<Listing> inDistrict(String district) {
    return jdbc.sql("""
            SELECT id, title, district_name, price_per_night, cover_file_id, review_count
              FROM apartments.active_listings
             WHERE district_name = :district
             ORDER BY price_per_night, id""")
        .param("district", district)
        .query(Listing.class)
        .list();
  }
}
