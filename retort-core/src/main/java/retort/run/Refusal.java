package retort.run;

/** The runner will not start: the database or the files are in a state it must not run over. */
public final class Refusal extends Exception {

  private final String hint;

  Refusal(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
