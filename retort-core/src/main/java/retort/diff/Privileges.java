package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import retort.catalog.Acl;
import retort.catalog.Catalog;
import retort.catalog.DbObject;
import retort.catalog.DefaultAcl;
import retort.catalog.Grant;
import retort.catalog.Kind;
import retort.catalog.ObjectId;

/**
 * Privileges as sets of grants: what an object holds when it is created (PostgreSQL's built-in
 * defaults and the default privileges in force), and the GRANT and REVOKE statements that take one
 * set to another. Who granted a privilege is not compared.
 */
final class Privileges {

  private Privileges() {}

  /** The {@code ALTER DEFAULT PRIVILEGES ... ON <objects>} word for a kind, or null when none governs it. */
  static String objects(Kind kind) {
    return switch (kind) {
      case TABLE, VIEW, MATVIEW -> "TABLES";
      case SEQUENCE -> "SEQUENCES";
      case FUNCTION, PROCEDURE, AGGREGATE -> "FUNCTIONS";
      case ENUM, DOMAIN, RANGE, COMPOSITE -> "TYPES";
      case SCHEMA -> "SCHEMAS";
      default -> null;
    };
  }

  /** PostgreSQL's own default for a kind of object, beyond its owner: EXECUTE on routines, USAGE on types. */
  static Acl builtin(String objects) {
    if (objects == null) {
      return Acl.EMPTY;
    }
    return switch (objects) {
      case "FUNCTIONS" -> new Acl(List.of(new Grant(Grant.PUBLIC, "EXECUTE", false)));
      case "TYPES" -> new Acl(List.of(new Grant(Grant.PUBLIC, "USAGE", false)));
      default -> Acl.EMPTY;
    };
  }

  /** The privileges an object has right after its CREATE in {@code side}, by its owner's default privileges. */
  static Acl initial(DbObject o, Catalog side) {
    ObjectId id = o.id();
    String objects = objects(id.kind());
    String owner = side.owner(id);
    if (objects == null || owner == null) {
      return Acl.EMPTY;
    }
    DefaultAcl global = (DefaultAcl) side.get(new ObjectId(Kind.DEFAULT_ACL, null, owner, objects));
    TreeSet<Grant> grants = new TreeSet<>((global != null ? global.acl() : builtin(objects)).grants());
    if (id.kind() != Kind.SCHEMA) {
      DefaultAcl local = (DefaultAcl) side.get(new ObjectId(Kind.DEFAULT_ACL, id.schema(), owner, objects));
      if (local != null) {
        grants.addAll(local.acl().grants());
      }
    }
    return new Acl(List.copyOf(grants));
  }

  /**
   * The statements that take privileges {@code from} to {@code to}, as {@code prefix + body + suffix}:
   * for an object, prefix {@code GRANT } and {@code " ON TABLE t TO "}; see {@link #statements}.
   */
  static List<String> statements(Acl from, Acl to, String on, String column) {
    return statements(from, to, (verb, privileges, grantee) -> verb.equals("GRANT")
        ? "GRANT " + privileges + " ON " + on + " TO " + grantee
        : verb + " " + privileges + " ON " + on + " FROM " + grantee, column);
  }

  /** Renders one GRANT or REVOKE: the verb ({@code GRANT}, {@code REVOKE}, {@code REVOKE GRANT OPTION FOR}). */
  @FunctionalInterface
  interface Statement {
    String render(String verb, String privileges, String grantee);
  }

  /**
   * The GRANT and REVOKE statements that take privileges {@code from} to {@code to}, one per grantee
   * and kind of change, privileges listed in order; {@code column} (or null) is named after each
   * privilege for column privileges.
   */
  static List<String> statements(Acl from, Acl to, Statement render, String column) {
    Change c = change(from, to, render, column);
    List<String> out = new ArrayList<>(c.revokes());
    out.addAll(c.grants());
    return out;
  }

  /** The REVOKE and the GRANT statements of a change of privileges, apart. */
  record Change(List<String> revokes, List<String> grants) {}

  static Change change(Acl from, Acl to, String on, String column) {
    return change(from, to, (verb, privileges, grantee) -> verb.equals("GRANT")
        ? "GRANT " + privileges + " ON " + on + " TO " + grantee
        : verb + " " + privileges + " ON " + on + " FROM " + grantee, column);
  }

  static Change change(Acl from, Acl to, Statement render, String column) {
    Map<String, Map<String, Boolean>> before = byGrantee(from);
    Map<String, Map<String, Boolean>> after = byGrantee(to);
    TreeSet<String> grantees = new TreeSet<>(before.keySet());
    grantees.addAll(after.keySet());
    List<String> revokes = new ArrayList<>();
    List<String> grants = new ArrayList<>();
    for (String g : grantees) {
      Map<String, Boolean> b = before.getOrDefault(g, Map.of());
      Map<String, Boolean> a = after.getOrDefault(g, Map.of());
      List<String> revoke = new ArrayList<>();
      List<String> revokeOption = new ArrayList<>();
      List<String> grant = new ArrayList<>();
      List<String> grantOption = new ArrayList<>();
      TreeSet<String> privileges = new TreeSet<>(b.keySet());
      privileges.addAll(a.keySet());
      for (String p : privileges) {
        Boolean was = b.get(p);
        Boolean is = a.get(p);
        if (Objects.equals(was, is)) {
          continue;
        }
        String named = column == null ? p : p + " (" + column + ")";
        if (is == null) {
          revoke.add(named);
        } else if (is) {
          grantOption.add(named);
        } else if (was == null) {
          grant.add(named);
        } else {
          revokeOption.add(named);
        }
      }
      String grantee = new Grant(g, "", false).granteeSql();
      if (!revoke.isEmpty()) {
        revokes.add(render.render("REVOKE", String.join(", ", revoke), grantee));
      }
      if (!revokeOption.isEmpty()) {
        revokes.add(render.render("REVOKE GRANT OPTION FOR", String.join(", ", revokeOption), grantee));
      }
      if (!grant.isEmpty()) {
        grants.add(render.render("GRANT", String.join(", ", grant), grantee));
      }
      if (!grantOption.isEmpty()) {
        grants.add(render.render("GRANT", String.join(", ", grantOption), grantee) + " WITH GRANT OPTION");
      }
    }
    return new Change(revokes, grants);
  }

  private static Map<String, Map<String, Boolean>> byGrantee(Acl acl) {
    Map<String, Map<String, Boolean>> out = new TreeMap<>();
    for (Grant g : acl.grants()) {
      out.computeIfAbsent(g.grantee(), k -> new TreeMap<>()).merge(g.privilege(), g.grantable(), Boolean::logicalOr);
    }
    return out;
  }

  /** The roles an ACL names, PUBLIC aside. */
  static List<ObjectId> roles(Acl acl) {
    List<ObjectId> out = new ArrayList<>();
    for (Grant g : acl.grants()) {
      if (!g.grantee().equals(Grant.PUBLIC)) {
        out.add(ObjectId.global(Kind.ROLE, g.grantee()));
      }
    }
    return out;
  }
}
