package retort.diff;

/**
 * A rename hint: the object named {@code from} at head is the object named {@code to} in the declared
 * schema. Names are as people write them: {@code schema.table}, {@code schema.table.column},
 * {@code schema}, {@code schema.type}.
 */
public record Rename(String from, String to) {

  /** Parses {@code old=new}. */
  public static Rename parse(String hint) {
    int eq = hint.indexOf('=');
    if (eq <= 0 || eq == hint.length() - 1) {
      throw new IllegalArgumentException("a rename is written old=new, e.g. apartments.listing=apartments.apartment");
    }
    return new Rename(hint.substring(0, eq).strip(), hint.substring(eq + 1).strip());
  }

  @Override
  public String toString() {
    return from + "=" + to;
  }
}
