package retort.script;

import java.util.List;
import java.util.Objects;
import retort.sql.Statement;

/**
 * The statements of one direction of a migration; {@code present} is false when the file has no such
 * section. A section taken from the cache keeps its statements encoded until they are asked for: a
 * run that applies nothing never decodes them.
 */
public final class Section {

  private final boolean present;
  private List<Statement> statements;
  private Encoded encoded;
  private final Decoder decoder;

  /** Statements in encoded form: a range of a larger array (the cache file's bytes). */
  record Encoded(byte[] bytes, int offset, int length) {}

  /** Turns encoded statements back into statements. */
  @FunctionalInterface
  interface Decoder {
    List<Statement> decode(Encoded encoded);
  }

  public Section(boolean present, List<Statement> statements) {
    this.present = present;
    this.statements = List.copyOf(statements);
    this.encoded = null;
    this.decoder = null;
  }

  private Section(boolean present, Encoded encoded, Decoder decoder) {
    this.present = present;
    this.encoded = encoded;
    this.decoder = decoder;
  }

  static Section missing() {
    return new Section(false, List.of());
  }

  /** A section whose statements are decoded from these bytes when first asked for. */
  static Section encoded(boolean present, Encoded encoded, Decoder decoder) {
    return new Section(present, encoded, decoder);
  }

  public boolean present() {
    return present;
  }

  public synchronized List<Statement> statements() {
    if (statements == null) {
      statements = List.copyOf(decoder.decode(encoded));
      encoded = null;
    }
    return statements;
  }

  /** The encoded statements when they were never decoded, else null. */
  synchronized Encoded encodedOrNull() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Section s && s.present == present && s.statements().equals(statements());
  }

  @Override
  public int hashCode() {
    return Objects.hash(present, statements());
  }

  @Override
  public String toString() {
    return "Section[present=" + present + ", statements=" + statements() + "]";
  }
}
