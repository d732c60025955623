package retort;

/**
 * The one error a user of Retort sees: what went wrong, where (a {@code file:line}, a setting, or
 * nothing), and a hint that says what to do; for a failed statement also its SQLSTATE, with the
 * driver's exception as the cause. The kind decides the exit code of the command line.
 *
 * <p>{@link #getMessage()} starts with the location, so that a log line or a stack trace names the
 * file and line: {@code versions/4c1f0e9a2b7d_bookings.sql:12: ERROR 23P01: conflicting key value …}.
 */
public final class RetortException extends RuntimeException {

  /** What sort of failure this is; the CLI maps each to an exit code. */
  public enum Kind {
    /** A mistake in the command, the config or the files. */
    USAGE,
    /** The database or a migration failed. */
    ERROR,
    /** The run lock stayed taken by another run. */
    LOCK_TIMEOUT,
    /** A check found the database or the files not as they should be. */
    VALIDATION
  }

  private final Kind kind;
  private final String file;
  private final int line;
  private final String reason;
  private final String hint;
  private final String sqlState;

  public RetortException(Kind kind, String location, String message, String hint) {
    this(kind, location, message, hint, null);
  }

  public RetortException(Kind kind, String location, String message, String hint, Throwable cause) {
    this(kind, fileOf(location), lineOf(location), message, hint, null, cause);
  }

  /**
   * An error at a line of a file ({@code line} 0: the file as a whole) with the SQLSTATE of the
   * statement that failed there (null when none did).
   */
  public RetortException(Kind kind, String file, int line, String message, String hint, String sqlState,
      Throwable cause) {
    super(describe(file, line, message), cause, false, cause != null);
    this.kind = kind;
    this.file = file;
    this.line = Math.max(line, 0);
    this.reason = message;
    this.hint = hint;
    this.sqlState = sqlState;
  }

  private static String describe(String file, int line, String message) {
    String location = location(file, line);
    return location == null ? message : location + ": " + message;
  }

  private static String location(String file, int line) {
    return file == null ? null : line > 0 ? file + ":" + line : file;
  }

  /** The file of {@code file:line}, or the location as it is when it names no line. */
  private static String fileOf(String location) {
    int line = lineOf(location);
    return line > 0 ? location.substring(0, location.lastIndexOf(':')) : location;
  }

  private static int lineOf(String location) {
    if (location == null) {
      return 0;
    }
    int colon = location.lastIndexOf(':');
    if (colon <= 0 || colon == location.length() - 1) {
      return 0;
    }
    for (int i = colon + 1; i < location.length(); i++) {
      if (!Character.isDigit(location.charAt(i))) {
        return 0;
      }
    }
    return location.length() - colon > 9 ? 0 : Integer.parseInt(location.substring(colon + 1));
  }

  public Kind kind() {
    return kind;
  }

  /** The file and line, or the setting, the error is about; null when it is about neither. */
  public String location() {
    return location(file, line);
  }

  /** The file (or the setting) the error is about, without the line; null when none. */
  public String file() {
    return file;
  }

  /** The line in {@link #file()}, 1-based; 0 when the error is not about one line. */
  public int line() {
    return line;
  }

  /** What went wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** What to do about it. */
  public String hint() {
    return hint;
  }

  /** The SQLSTATE of the statement that failed, or null when the error is not a failed statement. */
  public String sqlState() {
    return sqlState;
  }

  /** The message prefixed with its location, as the command line prints it; the same as {@link #getMessage()}. */
  public String describe() {
    return getMessage();
  }
}
