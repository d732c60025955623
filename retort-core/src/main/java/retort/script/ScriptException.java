package retort.script;

/** A migration file that cannot be read as one: the file, the line (0 when unknown), and a hint. */
public final class ScriptException extends Exception {

  private final String file;
  private final int line;
  private final String hint;

  public ScriptException(String file, int line, String message, String hint) {
    super(message, null, false, false);
    this.file = file;
    this.line = line;
    this.hint = hint;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String hint() {
    return hint;
  }
}
