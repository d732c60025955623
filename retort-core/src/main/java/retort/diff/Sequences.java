package retort.diff;

import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.ObjectId;
import retort.catalog.Sequence;

/** Sequence options as SQL writes them, only those that differ from PostgreSQL's defaults. */
final class Sequences {

  private Sequences() {}

  static long typeMax(String type) {
    return switch (type) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  static long typeMin(String type) {
    return switch (type) {
      case "smallint" -> Short.MIN_VALUE;
      case "integer" -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  /** The options of a sequence that differ from the defaults for its type and direction. */
  static List<String> options(Sequence s, boolean withType) {
    List<String> out = new ArrayList<>();
    if (withType && !s.type().equals("bigint")) {
      out.add("AS " + s.type());
    }
    boolean ascending = s.increment() > 0;
    long defaultMin = ascending ? 1 : typeMin(s.type());
    long defaultMax = ascending ? typeMax(s.type()) : -1;
    if (s.increment() != 1) {
      out.add("INCREMENT BY " + s.increment());
    }
    if (s.min() != defaultMin) {
      out.add("MINVALUE " + s.min());
    }
    if (s.max() != defaultMax) {
      out.add("MAXVALUE " + s.max());
    }
    if (s.start() != (ascending ? s.min() : s.max())) {
      out.add("START WITH " + s.start());
    }
    if (s.cache() != 1) {
      out.add("CACHE " + s.cache());
    }
    if (s.cycle()) {
      out.add("CYCLE");
    }
    return out;
  }

  /** The options of {@code to} that differ from {@code from}, for ALTER SEQUENCE. */
  static List<String> changes(Sequence from, Sequence to) {
    List<String> out = new ArrayList<>();
    if (!from.type().equals(to.type())) {
      out.add("AS " + to.type());
    }
    if (from.increment() != to.increment()) {
      out.add("INCREMENT BY " + to.increment());
    }
    if (from.min() != to.min()) {
      out.add("MINVALUE " + to.min());
    }
    if (from.max() != to.max()) {
      out.add("MAXVALUE " + to.max());
    }
    if (from.start() != to.start()) {
      out.add("START WITH " + to.start());
    }
    if (from.cache() != to.cache()) {
      out.add("CACHE " + to.cache());
    }
    if (from.cycle() != to.cycle()) {
      out.add(to.cycle() ? "CYCLE" : "NO CYCLE");
    }
    return out;
  }

  /** The identity sequence of a column in a catalog, or null. */
  static Sequence identityOf(Column c, Catalog side) {
    for (ObjectId child : side.children(c.id())) {
      DbObject o = side.get(child);
      if (o instanceof Sequence s && s.identity()) {
        return s;
      }
    }
    return null;
  }

  /** {@code (SEQUENCE NAME ... START WITH ...)} for an identity column, or empty when all are defaults. */
  static String identityOptions(Column c, Catalog side) {
    Sequence s = identityOf(c, side);
    if (s == null) {
      return "";
    }
    List<String> options = new ArrayList<>();
    String defaultName = c.id().name() + "_" + c.id().member() + "_seq";
    if (!s.id().name().equals(defaultName) || !s.id().schema().equals(c.id().schema())) {
      options.add("SEQUENCE NAME " + s.id().qualified());
    }
    options.addAll(options(s, false));
    return options.isEmpty() ? "" : " (" + String.join(" ", options) + ")";
  }
}
