package retort.diff;

/** A plan cannot be made as asked: a rename hint that matches nothing, say. The message says why. */
public final class PlanException extends RuntimeException {

  private final String hint;

  public PlanException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  /** What the user can do about it. */
  public String hint() {
    return hint;
  }
}
