package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of event_triggers.sql. */
final class EventTriggerRows {

  private EventTriggerRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = ObjectId.global(Kind.EVENT_TRIGGER, rs.getString("name"));
      b.add(new EventTrigger(id, rs.getString("evtevent"), rs.getString("function"), Row.strings(rs, "evttags", true),
          Row.ch(rs, "evtenabled")), "pg_event_trigger", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
