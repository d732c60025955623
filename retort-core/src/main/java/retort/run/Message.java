package retort.run;

import java.util.ArrayList;
import java.util.List;
import retort.sql.Statement;

/**
 * The parts of a step's one message, in order: its settings (when it has them), its statements, its
 * bookkeeping and, when the step commits on its own, COMMIT. Knows which part is which, so that a failed part is put
 * on the right thing.
 *
 * @param first the index of the first statement
 * @param bookkeeping the index of the version change with the log row
 * @param commit the index of the COMMIT, or -1 when the message does not commit
 */
record Message(List<String> parts, int first, int bookkeeping, int commit) {

  Message {
    parts = List.copyOf(parts);
  }

  /** {@code settings} is one statement, or null for none. */
  static Message of(String settings, List<Statement> statements, String bookkeeping, boolean commits) {
    List<String> parts = new ArrayList<>(statements.size() + 3);
    if (settings != null) {
      parts.add(settings);
    }
    int first = parts.size();
    for (Statement st : statements) {
      parts.add(st.sql());
    }
    int tail = parts.size();
    parts.add(bookkeeping);
    if (commits) {
      parts.add("COMMIT");
    }
    return new Message(parts, first, tail, commits ? tail + 1 : -1);
  }

  /** The statement a part is, or -1 for the settings, the bookkeeping and the COMMIT. */
  int statement(int part) {
    return part >= first && part < bookkeeping ? part - first : -1;
  }
}
