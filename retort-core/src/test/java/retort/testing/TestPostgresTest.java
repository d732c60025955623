package retort.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresTest {
  @Test
  void startsARealPostgres17() throws Exception {
    try (Connection c = TestPostgres.connect(TestPostgres.newDatabase());
        ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
    }
  }
}
