package retort.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import retort.sql.Statement;

/**
 * Short fingerprints of what a migration ran, kept in the log so that a later change can be put on
 * its place: one per statement of a non-transactional step (so that {@code --resume} can check that
 * the statements already applied are unchanged), and one per line of a file's statements (so that a
 * changed file's message names its first changed line). A fingerprint is the CRC-32 of the text,
 * normalised as the checksum normalises it, in 8 hex digits: cheap to compute for every step, and
 * only a pointer: the checksum decides whether a file changed.
 */
public final class Fingerprints {

  private static final char SECTIONS = '|';

  private Fingerprints() {}

  /** The fingerprint of one statement, its COPY data included. */
  public static String of(Statement st) {
    CRC32 crc = new CRC32();
    for (String line : lines(st)) {
      crc.update(normalise(line).getBytes(StandardCharsets.UTF_8));
      crc.update('\n');
    }
    return hex(crc.getValue());
  }

  /** The fingerprints of the first {@code count} statements, comma-separated. */
  public static String of(List<Statement> statements, int count) {
    StringBuilder out = new StringBuilder(count * 9);
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append(of(statements.get(i)));
    }
    return out.toString();
  }

  /**
   * The first of these statements whose fingerprint differs from the one recorded at the same
   * position ({@code recorded}, comma-separated, as {@link #of(List, int)} writes them), or -1 when
   * all the recorded ones match; a statement missing where one was recorded differs.
   */
  public static int firstDifferent(String recorded, List<Statement> statements) {
    String[] was = recorded.isEmpty() ? new String[0] : recorded.split(",");
    for (int i = 0; i < was.length; i++) {
      if (i >= statements.size() || !was[i].equals(of(statements.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  /** One fingerprint per line of the script's statements, upgrade then downgrade, 8 hex digits each. */
  public static String lines(Script script) {
    StringBuilder out = new StringBuilder(256);
    for (Line l : numbered(script)) {
      out.append(l.hash == null ? String.valueOf(SECTIONS) : l.hash);
    }
    return out.toString();
  }

  /**
   * The line of the file (as {@code script} reads now) where its statements first differ from the
   * lines fingerprinted by {@link #lines} when it was applied; 0 when no statement line differs
   * (only comments or blank lines changed).
   */
  public static int firstChangedLine(String recorded, Script script) {
    List<Line> now = numbered(script);
    List<String> was = new ArrayList<>();
    for (int i = 0; i < recorded.length(); ) {
      if (recorded.charAt(i) == SECTIONS) {
        was.add(null);
        i++;
      } else {
        was.add(recorded.substring(i, Math.min(recorded.length(), i + 8)));
        i += 8;
      }
    }
    int lastLine = 1;
    for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
      Line l = i < now.size() ? now.get(i) : null;
      String w = i < was.size() ? was.get(i) : "";
      if (l == null) {
        return lastLine;
      }
      if (!java.util.Objects.equals(w, l.hash)) {
        return l.hash == null ? lastLine : l.line;
      }
      lastLine = l.hash == null ? lastLine : l.line;
    }
    return 0;
  }

  /** A line of a statement: its line in the file and its fingerprint; a null fingerprint between the sections. */
  private record Line(int line, String hash) {}

  private static List<Line> numbered(Script script) {
    List<Line> out = new ArrayList<>();
    for (Statement st : script.upgrade().statements()) {
      add(out, st);
    }
    out.add(new Line(0, null));
    for (Statement st : script.downgrade().statements()) {
      add(out, st);
    }
    return out;
  }

  private static void add(List<Line> out, Statement st) {
    int n = st.line();
    for (String line : lines(st)) {
      CRC32 crc = new CRC32();
      crc.update(normalise(line).getBytes(StandardCharsets.UTF_8));
      out.add(new Line(n++, hex(crc.getValue())));
    }
  }

  /** The lines of a statement as they stand in the file: its text, then the line after it for COPY data. */
  private static List<String> lines(Statement st) {
    List<String> out = new ArrayList<>(st.sql().lines().toList());
    if (st.copyData() != null) {
      out.addAll(st.copyData().lines().toList());
    }
    return out;
  }

  private static String normalise(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end);
  }

  private static String hex(long crc) {
    String h = Long.toHexString(crc);
    return "0".repeat(8 - h.length()) + h;
  }
}
