package retort.run;

/**
 * A statement of a migration failed: the file and line of the statement, the SQLSTATE and the
 * server's message, with the driver's exception as the cause. Its message reads
 * {@code versions/x.sql:12: ERROR 23P01: ...}.
 */
public final class StepFailure extends Exception {

  private final String file;
  private final int line;
  private final String sqlState;
  private final String serverMessage;
  private final String hint;

  StepFailure(String file, int line, String sqlState, String serverMessage, String hint, Throwable cause) {
    super(file + ":" + line + ": ERROR " + sqlState + ": " + serverMessage, cause, false, false);
    this.file = file;
    this.line = line;
    this.sqlState = sqlState;
    this.serverMessage = serverMessage;
    this.hint = hint;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String sqlState() {
    return sqlState;
  }

  public String serverMessage() {
    return serverMessage;
  }

  public String hint() {
    return hint;
  }
}
