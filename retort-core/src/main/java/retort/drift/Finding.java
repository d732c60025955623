package retort.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Kind;
import retort.catalog.ObjectId;

/**
 * One object that differs between the recorded revisions and the live database: added, removed or
 * changed outside migrations, with the attributes that changed.
 */
public record Finding(ObjectId id, Change change, List<Attribute> attributes) {

  /** What happened to the object outside migrations. */
  public enum Change {
    ADDED, REMOVED, CHANGED;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One attribute of a changed object, as the recorded revisions have it and as the live database has
   * it (null: none).
   */
  public record Attribute(String name, String recorded, String live) {

    /** For people: {@code type text → character varying(200)}, or {@code definition differs} for long text. */
    public String describe() {
      if (name.equals(Findings.PRIVILEGES)) {
        return "privileges " + grants(recorded, live);
      }
      if (isLong(recorded) || isLong(live)) {
        return name + " differs";
      }
      return name + " " + show(recorded) + " → " + show(live);
    }

    private static boolean isLong(String s) {
      return s != null && (s.length() > 60 || s.contains("\n"));
    }

    private static String show(String s) {
      return s == null ? "none" : s.isEmpty() ? "''" : s;
    }

    /** {@code +SELECT to bot, -INSERT to app}: the grants only live has, then those only recorded has. */
    private static String grants(String recorded, String live) {
      Set<String> before = split(recorded);
      Set<String> after = split(live);
      List<String> out = new ArrayList<>();
      for (String g : after) {
        if (!before.contains(g)) {
          out.add("+" + g);
        }
      }
      for (String g : before) {
        if (!after.contains(g)) {
          out.add("-" + g);
        }
      }
      return String.join(", ", out);
    }

    private static Set<String> split(String grants) {
      Set<String> out = new TreeSet<>();
      if (grants != null && !grants.isEmpty()) {
        out.addAll(List.of(grants.split(", ")));
      }
      return out;
    }
  }

  public Finding {
    attributes = List.copyOf(attributes);
  }

  /** The kind as people name it: {@code column}, {@code table}, {@code enum}, {@code default privileges}. */
  public String kind() {
    return kind(id.kind());
  }

  static String kind(Kind k) {
    return k == Kind.ENUM ? "enum" : k.word().toLowerCase(Locale.ROOT);
  }

  /** {@code apartments.bookings.note: column added outside migrations}, with what changed. */
  public String describe() {
    StringBuilder out = new StringBuilder().append(id).append(": ").append(kind()).append(' ')
        .append(change.word()).append(" outside migrations");
    if (!attributes.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Attribute a : attributes) {
        parts.add(a.describe());
      }
      out.append(": ").append(String.join("; ", parts));
    }
    return out.toString();
  }
}
