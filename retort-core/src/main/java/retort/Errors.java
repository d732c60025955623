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
      return new RetortException(Kind.USAGE, m.source(), message,
          "fix the id in the header, or restore the missing migration file");
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
    if (e instanceof GraphException.UnknownRevision) {
      return new RetortException(Kind.USAGE, null, e.getMessage(),
          "use `head`, `heads`, `base`, a revision id (or 4+ characters of it), a branch label, or +N / -N; `retort history` lists the ids");
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
        (ours ? "" : "ERROR " + e.sqlState() + ": ") + e.serverMessage(), e.hint(), e.sqlState(), e.getCause());
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
    return new RetortException(Kind.ERROR, null, 0, "database error " + state + " on " + target + ": " + e.getMessage(),
        "see the message above; nothing was changed beyond the steps already reported", state.isEmpty() ? null : state, e);
  }
}
