package retort;

/**
 * The one error a user of Retort sees: what went wrong, where (a {@code file:line}, a setting, or
 * nothing), and a hint that says what to do. The kind decides the exit code of the command line.
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
  private final String location;
  private final String hint;

  public RetortException(Kind kind, String location, String message, String hint) {
    super(message, null, false, false);
    this.kind = kind;
    this.location = location;
    this.hint = hint;
  }

  public RetortException(Kind kind, String location, String message, String hint, Throwable cause) {
    super(message, cause, false, true);
    this.kind = kind;
    this.location = location;
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  /** The file and line, or the setting, the error is about; null when it is about neither. */
  public String location() {
    return location;
  }

  public String hint() {
    return hint;
  }

  /** The message prefixed with its location, as the command line prints it. */
  public String describe() {
    return location == null ? getMessage() : location + ": " + getMessage();
  }
}
