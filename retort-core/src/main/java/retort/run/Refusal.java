package retort.run;

/**
 * The runner will not start, or not go on: the database or the files are in a state it must not run
 * over, or the run lost its lock.
 */
public final class Refusal extends Exception {

  private final String location;
  private final String hint;
  private final boolean validation;

  Refusal(String message, String hint) {
    this(null, message, hint, false);
  }

  Refusal(String message, String hint, boolean validation) {
    this(null, message, hint, validation);
  }

  /** A refusal about a place: a file, or {@code file:line}. */
  Refusal(String location, String message, String hint, boolean validation) {
    super(message, null, false, false);
    this.location = location;
    this.hint = hint;
    this.validation = validation;
  }

  /** The file or {@code file:line} the refusal is about, or null. */
  public String location() {
    return location;
  }

  /** Whether a check of the files against the database failed, rather than the database's state. */
  public boolean validation() {
    return validation;
  }

  public String hint() {
    return hint;
  }
}
