package retort.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Small readers of a result set's columns that the row readers share. */
final class Row {

  private Row() {}

  static char ch(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null || s.isEmpty() ? ' ' : s.charAt(0);
  }

  /** A text array as a list (empty for null); sorted when {@code sorted}. */
  static List<String> strings(ResultSet rs, String column, boolean sorted) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) {
      return List.of();
    }
    String[] values = (String[]) a.getArray();
    if (sorted) {
      Arrays.sort(values);
    }
    return List.of(values);
  }

  static long[] oids(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    if (a == null) {
      return new long[0];
    }
    Object[] values = (Object[]) a.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = ((Number) values[i]).longValue();
    }
    return out;
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Acl acl(ResultSet rs) throws SQLException {
    return Acl.of(rs.getArray("acl"));
  }
}
