package retort.scratch;

/** The head's migration chain cannot be replayed on the scratch server; the cause says where. */
public final class ReplayException extends Exception {

  public ReplayException(Exception cause) {
    super(cause.getMessage(), cause, false, false);
  }
}
