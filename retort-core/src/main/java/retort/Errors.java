package retort;

import java.sql.SQLException;
import retort.RetortException.Kind;
import retort.graph.GraphException;
import retort.run.LockTimeout;
import retort.run.Refusal;
import retort.run.StepFailure;
import retort.script.ScriptException;

/** Turns the precise exceptions of the internal packages into the one error users see. */
final class Errors {

  private Errors() {}

  static RetortException of(GraphException e) {
    if (e instanceof GraphException.DuplicateRevision d) {
      return new RetortException(Kind.USAGE, d.sources().get(0), e.getMessage(),
          "give one of the files a new id (`retort revision` makes unique ones) and update its children's down_revision");
    }
    if (e instanceof GraphException.DuplicateLabel d) {
      return new RetortException(Kind.USAGE, d.sources().get(0), e.getMessage(), "use each branch label once");
    }
    if (e instanceof GraphException.MissingRevision m) {
      String message = e.getMessage().startsWith(m.source() + ": ")
          ? e.getMessage().substring(m.source().length() + 2) : e.getMessage();
      String hint = m.closest() == null ? "fix the id in the header, or restore the missing migration file"
          : "did you mean `" + m.closest() + "`? " + m.relation() + " names revision ids (each file's `-- revision:`),"
              + " not file names";
      return new RetortException(Kind.USAGE, m.source(), m.line(), message, hint, null, null);
    }
    if (e instanceof GraphException.Cycle c) {
      return new RetortException(Kind.USAGE, c.sources().get(0), e.getMessage(),
          "a revision must not descend from itself: fix the down_revision of one of these files");
    }
    if (e instanceof GraphException.MultipleHeads m) {
      return new RetortException(Kind.USAGE, null, e.getMessage(),
          "name one of them, e.g. `" + m.heads().get(0) + "`, use `heads` for all of them, or merge them with `retort merge`");
    }
    if (e instanceof GraphException.AmbiguousRevision) {
      return new RetortException(Kind.USAGE, null, e.getMessage(), "give more characters of the id");
    }
    if (e instanceof GraphException.UnknownRevision u) {
      return new RetortException(Kind.USAGE, null, e.getMessage(), (u.closest() == null ? "" : "did you mean `"
          + u.closest() + "`? ") + "use `head`, `heads`, `base`, a revision id (or 4+ characters of it), a branch label, or +N / -N; `retort history` lists the ids");
    }
    if (e instanceof GraphException.ReplacedMissing m) {
      return new RetortException(Kind.ERROR, m.source(), e.getMessage(),
          "restore the replaced files (e.g. from version control) to take this database past the squashed range;"
              + " `retort squash --prune` deletes them only once every environment is past it");
    }
    if (e instanceof GraphException.UnknownApplied) {
      return new RetortException(Kind.ERROR, null, e.getMessage(),
          "restore that migration file, or point retort.toml at the right script_location");
    }
    return new RetortException(Kind.USAGE, null, e.getMessage(), "`retort history` shows the revisions and `retort current` where the database is");
  }

  static RetortException of(ScriptException e) {
    return new RetortException(Kind.USAGE, e.file(), e.line(), e.getMessage(), e.hint(), null, null);
  }

  static RetortException of(StepFailure e) {
    boolean ours = e.sqlState().startsWith("RT");            // a check of Retort's, not the server's error
    return new RetortException(Kind.ERROR, e.file(), e.line(),
        (ours ? "" : "ERROR " + e.sqlState() + ": ") + e.serverMessage(),
        "55P04".equals(e.sqlState()) ? enumValueHint(e) : e.hint(), e.sqlState(), e.getCause());
  }

  /**
   * 42501 on Retort's own bookkeeping (a migration's statements fail as steps): which privilege on
   * which object the role lacks, what Retort needed it for, and the GRANT that gives it; never the
   * driver's detail lines ({@code Position: 28}).
   */
  private static RetortException privilege(SQLException e, String target) {
    String message = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getMessage() : e.getMessage().lines().findFirst().orElse("");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("permission denied for (schema|table) (\\S+)").matcher(message);
    boolean named = m.find();
    String what;
    String hint;
    if (named && m.group(1).equals("schema")) {
      what = "the role may not create tables in schema " + m.group(2) + " (it lacks CREATE on it), and Retort creates its"
          + " version table and log there on the first run";
      hint = "as the schema's owner: GRANT CREATE ON SCHEMA " + m.group(2) + " TO the migrating role; or run the first"
          + " `retort upgrade` as the owner, or set version_table_schema to a schema the role may create in";
    } else if (named) {
      String table = m.group(2);
      what = "the role lacks a privilege on Retort's table " + table + ": SELECT to read "
          + (table.contains("log") ? "the log" : "which revisions are applied") + ", INSERT, UPDATE and DELETE to record"
          + " a run";
      hint = "as the table's owner: GRANT SELECT, INSERT, UPDATE, DELETE ON " + table + " TO the migrating role"
          + " (SELECT alone, on the version table and the log, for current, history and check)";
    } else {
      what = message;
      hint = "grant the migrating role the privilege the message names, or run Retort as the owner of its tables";
    }
    return new RetortException(Kind.ERROR, null, 0, "permission denied on " + target + ": " + what, hint, "42501", e);
  }

  /**
   * 55P04, a new enum value used in the transaction that added it: PostgreSQL's own hint, and the
   * way out, two migrations (a migration is one transaction).
   */
  private static String enumValueHint(StepFailure e) {
    String server = e.getCause() instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getHint() : null;
    return (server == null ? "" : "PostgreSQL: " + server.strip() + " ")
        + "Split the migration in two: `ALTER TYPE ... ADD VALUE` in one revision, and what uses the new value in"
        + " the next one (`retort revision -m ...`), so that the value is committed before it is used; " + e.hint();
  }

  static RetortException of(LockTimeout e) {
    String who = e.holder().map(h -> " (held by pid " + h.pid() + ", application_name '" + h.applicationName()
        + "', since " + h.since() + (h.doing() == null ? "" : "; " + h.doing()) + ")").orElse("");
    return new RetortException(Kind.LOCK_TIMEOUT, null, e.getMessage() + who,
        "wait for the other run to finish, or stop it; PostgreSQL frees the lock when its session ends");
  }

  static RetortException of(Refusal e) {
    return new RetortException(e.validation() ? Kind.VALIDATION : Kind.ERROR, e.location(), e.getMessage(), e.hint());
  }

  /** Whether the driver gave up because the server asked for a password and it had none. */
  private static boolean noPassword(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.contains("no password was provided") || m.contains("password-based authentication");
  }

  static RetortException of(SQLException e, String target) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.equals("28P01") || state.equals("28000") || state.equals("3D000")) {
      String hint = switch (state) {
        case "28P01", "28000" -> "check the user and password (PGPASSWORD or ~/.pgpass when the URL has none)";
        case "08004" -> noPassword(e)
            ? "the server asks for a password and none was given: set PGPASSWORD, add a line for this server to"
                + " ~/.pgpass, or put the password in the URL (postgresql://user:PASSWORD@host:5432/db)"
            : "the server refused the connection: check the user, the database and the server's pg_hba.conf";
        case "3D000" -> "create the database first, or fix its name in the URL";
        default -> "check that the server runs and the host and port in the URL are right";
      };
      return new RetortException(Kind.ERROR, null, 0, "cannot connect to " + target + ": " + e.getMessage(), hint,
          state.isEmpty() ? null : state, e);
    }
    if (state.equals("42501")) {
      return privilege(e, target);
    }
    return new RetortException(Kind.ERROR, null, 0, "database error " + state + " on " + target + ": " + e.getMessage(),
        "see the message above; nothing was changed beyond the steps already reported", state.isEmpty() ? null : state, e);
  }
}
