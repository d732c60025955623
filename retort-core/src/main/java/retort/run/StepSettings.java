package retort.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import retort.db.Sql;

/**
 * The settings a step runs with, built in one place for every kind of step, online and offline.
 * {@code lock_timeout} and {@code statement_timeout}: null keeps what the session has (the server's,
 * the role's or the database's default), zero turns the timeout off. Online,
 * {@code client_connection_check_interval = 1s} (PostgreSQL 14+) makes the server roll back and free
 * the locks within a second if Retort dies mid-statement. {@code synchronous_commit} is only ever
 * lowered, to {@code off}, for a transactional step whose commit a later durable one flushes; it is
 * never raised, so that a server or role set to {@code remote_apply} keeps it for the last commit.
 */
final class StepSettings {

  private final Duration lockTimeout;
  private final Duration statementTimeout;
  private final boolean checkClient;

  StepSettings(Duration lockTimeout, Duration statementTimeout, boolean checkClient) {
    this.lockTimeout = lockTimeout;
    this.statementTimeout = statementTimeout;
    this.checkClient = checkClient;
  }

  StepSettings(RunSettings run, boolean checkClient) {
    this(run.lockTimeout(), run.statementTimeout(), checkClient);
  }

  /** Name and value of each setting, in order; {@code durable} false lowers synchronous_commit. */
  private List<String[]> pairs(boolean durable, String applicationName) {
    List<String[]> out = new ArrayList<>(5);
    if (lockTimeout != null) {
      out.add(new String[] {"lock_timeout", lockTimeout.toMillis() + "ms"});
    }
    if (statementTimeout != null) {
      out.add(new String[] {"statement_timeout", statementTimeout.toMillis() + "ms"});
    }
    if (checkClient) {
      out.add(new String[] {"client_connection_check_interval", "1s"});
    }
    if (!durable) {
      out.add(new String[] {"synchronous_commit", "off"});
    }
    if (applicationName != null) {
      out.add(new String[] {"application_name", applicationName});
    }
    return out;
  }

  /**
   * The settings of a transactional step as one statement of {@code set_config(name, value, true)}
   * calls, which is SET LOCAL (one statement costs less than several); null when there are none.
   */
  String local(boolean durable, String applicationName) {
    return select(pairs(durable, applicationName), true);
  }

  /** The settings of a non-transactional step, for its session; the session state is put back after the step. */
  String session(String applicationName) {
    return select(pairs(true, applicationName), false);
  }

  private static String select(List<String[]> pairs, boolean local) {
    if (pairs.isEmpty()) {
      return null;
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < pairs.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("pg_catalog.set_config(").append(Sql.literal(pairs.get(i)[0]))
          .append(", ").append(Sql.literal(pairs.get(i)[1])).append(", ").append(local).append(')');
    }
    return sql.toString();
  }

  /** The settings as SET statements of an offline script: {@code SET LOCAL} in a transaction, else {@code SET}. */
  List<String> offline(boolean local) {
    List<String> out = new ArrayList<>();
    for (String[] p : pairs(true, null)) {
      out.add("SET " + (local ? "LOCAL " : "") + p[0] + " = " + Sql.literal(p[1]));
    }
    return out;
  }
}
