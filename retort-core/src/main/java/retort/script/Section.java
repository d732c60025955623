package retort.script;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import retort.sql.Statement;

/**
 * The statements of one direction of a migration; {@code present} is false when the file has no such
 * section. A section taken from the cache keeps its statements encoded until they are asked for: a
 * run that applies nothing never decodes them.
 */
public final class Section {

  private final boolean present;
  private List<Statement> statements;
  private byte[] encoded;
  private final Function<byte[], List<Statement>> decoder;

  public Section(boolean present, List<Statement> statements) {
    this.present = present;
    this.statements = List.copyOf(statements);
    this.encoded = null;
    this.decoder = null;
  }

  private Section(boolean present, byte[] encoded, Function<byte[], List<Statement>> decoder) {
    this.present = present;
    this.encoded = encoded;
    this.decoder = decoder;
  }

  static Section missing() {
    return new Section(false, List.of());
  }

  /** A section whose statements are decoded from these bytes when first asked for. */
  static Section encoded(boolean present, byte[] bytes, Function<byte[], List<Statement>> decoder) {
    return new Section(present, bytes, decoder);
  }

  public boolean present() {
    return present;
  }

  public synchronized List<Statement> statements() {
    if (statements == null) {
      statements = List.copyOf(decoder.apply(encoded));
      encoded = null;
    }
    return statements;
  }

  /** The encoded statements when they were never decoded, else null. */
  synchronized byte[] encodedOrNull() {
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
