package retort.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import retort.RevisionInfo;

/**
 * {@code --format json}: the listing commands' revisions as one JSON document, for scripts and CI.
 *
 * <p>The document is always an array of objects, one per revision, one object per line, with the same
 * keys in the same order: {@code revision}, {@code down_revisions}, {@code depends_on},
 * {@code branch_labels} (sorted), {@code message}, {@code file}, {@code created} (null when the file
 * has none), {@code is_head}, {@code is_branch_point}, {@code is_merge_point}, {@code is_current}
 * (null where the command did not read the database), and for {@code branches} also
 * {@code next_revisions}. It is written as UTF-8 whatever the platform's encoding; strings are
 * escaped as RFC 8259 requires (quote, backslash, control characters), non-ASCII text is kept as is.
 */
final class JsonOutput {

  private JsonOutput() {}

  /** The document for these revisions; {@code currentKnown} false prints {@code is_current} as null. */
  static String revisions(List<RevisionInfo> revisions, boolean currentKnown) {
    return revisions(revisions, currentKnown, null);
  }

  /** As {@link #revisions(List, boolean)}, with each revision's {@code next_revisions} from the map. */
  static String revisions(List<RevisionInfo> revisions, boolean currentKnown, Map<String, List<String>> next) {
    List<String> objects = new ArrayList<>(revisions.size());
    for (RevisionInfo r : revisions) {
      objects.add(object(r, currentKnown, next == null ? null : next.getOrDefault(r.revision(), List.of())));
    }
    return array(objects);
  }

  static String object(RevisionInfo r, boolean currentKnown, List<String> next) {
    StringBuilder b = new StringBuilder(256);
    b.append('{');
    field(b, "revision").append(string(r.revision()));
    field(b, "down_revisions").append(strings(r.downRevisions()));
    field(b, "depends_on").append(strings(r.dependsOn()));
    field(b, "branch_labels").append(strings(r.branchLabels().stream().sorted().toList()));
    field(b, "message").append(string(r.message()));
    field(b, "file").append(string(r.file()));
    field(b, "created").append(string(r.created() == null || r.created().isEmpty() ? null : r.created()));
    field(b, "is_head").append(r.head());
    field(b, "is_branch_point").append(r.branchPoint());
    field(b, "is_merge_point").append(r.mergePoint());
    field(b, "is_current").append(currentKnown ? String.valueOf(r.current()) : "null");
    if (next != null) {
      field(b, "next_revisions").append(strings(next));
    }
    return b.append('}').toString();
  }

  private static StringBuilder field(StringBuilder b, String name) {
    if (b.length() > 1) {
      b.append(", ");
    }
    return b.append(string(name)).append(": ");
  }

  /** An array of already-written values, one per line; {@code []} when empty. */
  static String array(List<String> values) {
    if (values.isEmpty()) {
      return "[]\n";
    }
    StringBuilder b = new StringBuilder("[\n");
    for (int i = 0; i < values.size(); i++) {
      b.append("  ").append(values.get(i)).append(i + 1 < values.size() ? ",\n" : "\n");
    }
    return b.append("]\n").toString();
  }

  /** An inline array of strings. */
  static String strings(Collection<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (String v : values) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(string(v));
    }
    return b.append(']').toString();
  }

  /** A JSON string literal, or {@code null}. */
  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2);
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            unicode(b, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicode(b, c); // an unpaired surrogate has no UTF-8 form: keep it as an escape
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void unicode(StringBuilder b, char c) {
    b.append("\\u").append(String.format("%04x", (int) c));
  }

  /** Writes the document as UTF-8 bytes, whatever the stream's own encoding. */
  static void print(PrintStream out, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    out.flush();
  }
}
