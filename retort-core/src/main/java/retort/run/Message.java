package retort.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import retort.sql.Statement;

/**
 * The parts of a step's one message, in order: its settings (when it has them), its statements, the
 * statements that put the session back (when the step may have changed it, followed by the settings
 * again), its bookkeeping and, when the step commits on its own, COMMIT. Knows which part is which,
 * so that a failed part is put on the right thing.
 *
 * @param first the index of the first statement
 * @param restore the index of the first part that puts the session back, or the bookkeeping's
 * @param bookkeeping the index of the version change with the log row
 * @param commit the index of the COMMIT, or -1 when the message does not commit
 * @param copyData the data of each COPY ... FROM STDIN part, by index
 */
record Message(List<String> parts, int first, int restore, int bookkeeping, int commit, Map<Integer, String> copyData) {

  Message {
    parts = List.copyOf(parts);
    copyData = Map.copyOf(copyData);
  }

  /** {@code settings} is one statement, or null for none; {@code restore} may be empty. */
  static Message of(String settings, List<Statement> statements, List<String> restore, String bookkeeping,
      boolean commits) {
    List<String> parts = new ArrayList<>(statements.size() + restore.size() + 3);
    Map<Integer, String> copyData = new HashMap<>();
    if (settings != null) {
      parts.add(settings);
    }
    int first = parts.size();
    for (Statement st : statements) {
      if (st.copyData() != null) {
        copyData.put(parts.size(), st.copyData());
      }
      parts.add(st.sql());
    }
    int restoreAt = parts.size();
    parts.addAll(restore);
    int tail = parts.size();
    parts.add(bookkeeping);
    if (commits) {
      parts.add("COMMIT");
    }
    return new Message(parts, first, restoreAt, tail, commits ? tail + 1 : -1, copyData);
  }

  /** The statement a part is, or -1 for the settings, the restore, the bookkeeping and the COMMIT. */
  int statement(int part) {
    return part >= first && part < restore ? part - first : -1;
  }
}
