package retort.script;

import java.util.List;
import retort.sql.Statement;

/** The statements of one direction of a migration; {@code present} is false when the file has no such section. */
public record Section(boolean present, List<Statement> statements) {

  public Section {
    statements = List.copyOf(statements);
  }

  static Section missing() {
    return new Section(false, List.of());
  }
}
