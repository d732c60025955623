package retort.scratch;

/**
 * The declared schema cannot be loaded: a file does not lex or a statement fails. Names the file (as
 * {@code schema/apartments.sql}) and the statement's line.
 */
public final class DeclaredException extends Exception {

  private final String file;
  private final int line;
  private final String hint;

  DeclaredException(String file, int line, String message, String hint) {
    super(message, null, false, false);
    this.file = file;
    this.line = line;
    this.hint = hint;
  }

  public String file() {
    return file;
  }

  /** The line of the failing statement in its file, or 0 when the error is about the file as a whole. */
  public int line() {
    return line;
  }

  public String hint() {
    return hint;
  }

  /** {@code schema/apartments.sql:12}, or the file alone. */
  public String location() {
    return line > 0 ? file + ":" + line : file;
  }
}
