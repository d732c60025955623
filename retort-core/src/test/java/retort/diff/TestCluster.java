package retort.diff;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import retort.scratch.Cluster;
import retort.testing.TestPostgres;

/** The test JVM's embedded PostgreSQL as a scratch server. */
final class TestCluster implements Cluster {

  static final TestCluster INSTANCE = new TestCluster();

  @Override
  public Connection admin() throws SQLException {
    return open("postgres");
  }

  @Override
  public Connection open(String database) throws SQLException {
    return DriverManager.getConnection(TestPostgres.url(database));
  }
}
