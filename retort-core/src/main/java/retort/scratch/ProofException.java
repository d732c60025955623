package retort.scratch;

/** A plan failed its proof on a copy of head: the message says which part and which objects. */
public final class ProofException extends Exception {

  public ProofException(String message) {
    super(message, null, false, false);
  }
}
