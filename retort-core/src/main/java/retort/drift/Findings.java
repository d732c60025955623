package retort.drift;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Acl;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.Grant;
import retort.catalog.Kind;
import retort.catalog.ObjectId;
import retort.diff.Differ;
import retort.diff.Plan;
import retort.diff.Step;

/**
 * The findings of drift: the recorded catalog and the live one compared object by object. An object
 * is a finding when the plan from recorded to live changes it (so that what the differ leaves alone,
 * such as column order and owners, is no finding), or when it is of a kind the differ does not
 * compare yet and differs. What a finding contains (the columns of an added table) is not listed on
 * its own; an object the plan only rebuilds around another (a view over a retyped column) is not a
 * finding. Pure: no I/O.
 */
public final class Findings {

  /** The name of the attribute that holds an object's privileges. */
  static final String PRIVILEGES = "privileges";
  /** Record components that are an object's identity or place, not its attributes. */
  private static final Set<String> NOT_ATTRIBUTES = Set.of("id", "container", "position");
  private static final Map<String, String> NAMES = Map.of("defaultExpr", "default", "bypassRls", "bypass RLS",
      "acl", PRIVILEGES);
  private static final Map<String, Map<Character, String>> CODES = Map.of(
      "identity", Map.of('a', "always", 'd', "by default", ' ', "none"),
      "persistence", Map.of('p', "logged", 'u', "unlogged", 't', "temporary"),
      "enabled", Map.of('O', "enabled", 'D', "disabled", 'R', "replica", 'A', "always"),
      "replicaIdentity", Map.of('d', "default", 'n', "nothing", 'f', "full", 'i', "index"),
      "storage", Map.of('p', "plain", 'e', "external", 'm', "main", 'x', "extended"));

  private Findings() {}

  /**
   * The findings, in identity order; {@code plan} takes {@code recorded} to {@code live}, or is null
   * where the differ could not make one: then every object that differs counts, but a column of a
   * view (its query's business) and a column inherited from a parent table.
   */
  public static List<Finding> of(Catalog recorded, Catalog live, Plan plan) {
    Set<ObjectId> planned = new HashSet<>();
    if (plan != null) {
      for (Step s : plan.steps()) {
        planned.add(s.target());
      }
    }
    Set<ObjectId> ids = new TreeSet<>(recorded.objects().keySet());
    ids.addAll(live.objects().keySet());
    Set<ObjectId> whole = new HashSet<>();           // added or removed: what they contain goes with them
    List<Finding> out = new ArrayList<>();
    for (ObjectId id : ids) {
      DbObject a = recorded.get(id);
      DbObject b = live.get(id);
      DbObject either = a != null ? a : b;
      if (within(either, a != null ? recorded : live, whole)) {
        continue;
      }
      boolean counts = plan == null ? !derived(either) : planned.contains(id)
          || !Differ.compares(either, a != null ? recorded : live);
      if (a == null || b == null) {
        if (counts) {
          whole.add(id);
          out.add(new Finding(id, a == null ? Finding.Change.ADDED : Finding.Change.REMOVED, List.of()));
        }
        continue;
      }
      List<Finding.Attribute> changed = attributes(a, b);
      if (!Objects.equals(recorded.comment(id), live.comment(id))) {
        changed.add(new Finding.Attribute("comment", recorded.comment(id), live.comment(id)));
      }
      String before = grants(recorded.acl(id));
      String after = grants(live.acl(id));
      if (!before.equals(after)) {
        changed.add(new Finding.Attribute(PRIVILEGES, before, after));
      }
      if (counts && !changed.isEmpty()) {
        out.add(new Finding(id, Finding.Change.CHANGED, changed));
      }
    }
    return out;
  }

  /** A column that follows from something else: a view's, a composite type's, one inherited from a parent. */
  private static boolean derived(DbObject o) {
    return o instanceof Column c && (c.container().kind() != Kind.TABLE || !c.local());
  }

  /** Whether the object lies in one that is added or removed as a whole. */
  private static boolean within(DbObject o, Catalog side, Set<ObjectId> whole) {
    ObjectId up = o.container();
    while (up != null) {
      if (whole.contains(up)) {
        return true;
      }
      DbObject container = side.get(up);
      up = container == null ? null : container.container();
    }
    return false;
  }

  /** The attributes in which two versions of an object differ, by their record components. */
  private static List<Finding.Attribute> attributes(DbObject a, DbObject b) {
    List<Finding.Attribute> out = new ArrayList<>();
    if (a.getClass() != b.getClass()) {
      out.add(new Finding.Attribute("kind", a.getClass().getSimpleName(), b.getClass().getSimpleName()));
      return out;
    }
    for (RecordComponent rc : a.getClass().getRecordComponents()) {
      if (NOT_ATTRIBUTES.contains(rc.getName())) {
        continue;
      }
      Object x = value(rc, a);
      Object y = value(rc, b);
      if (!Objects.equals(x, y)) {
        out.add(new Finding.Attribute(name(rc.getName()), text(rc.getName(), x), text(rc.getName(), y)));
      }
    }
    return out;
  }

  private static Object value(RecordComponent rc, DbObject o) {
    try {
      return rc.getAccessor().invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + rc.getName() + " of " + o.id(), e);
    }
  }

  /** A record component's name as people say it: {@code notNull} is {@code not null}. */
  static String name(String component) {
    String named = NAMES.get(component);
    if (named != null) {
      return named;
    }
    StringBuilder out = new StringBuilder();
    for (char ch : component.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        out.append(' ').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** A value as people read it: a code spelled out, a list joined, a flag as yes or no; null stays null. */
  private static String text(String component, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Character ch) {
      Map<Character, String> codes = CODES.get(component);
      String word = codes == null ? null : codes.get(ch);
      return word != null ? word : ch == ' ' ? null : ch.toString();
    }
    if (v instanceof Acl acl) {
      return grants(acl);
    }
    if (v instanceof Boolean flag) {
      return flag ? "yes" : "no";
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(String.valueOf(item));
      }
      return items.isEmpty() ? null : String.join(", ", items);
    }
    return v.toString();
  }

  /** Privileges as {@code SELECT to bot, INSERT to app} (with {@code WITH GRANT OPTION} where grantable). */
  private static String grants(Acl acl) {
    if (acl == null) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (Grant g : acl.grants()) {
      out.add(g.privilege() + " to " + g.grantee() + (g.grantable() ? " WITH GRANT OPTION" : ""));
    }
    return String.join(", ", out);
  }
}
