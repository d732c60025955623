package retort.scratch;

import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Acl;
import retort.catalog.Catalog;
import retort.catalog.DbObject;
import retort.catalog.DefaultAcl;
import retort.catalog.Grant;
import retort.catalog.Policy;
import retort.catalog.Role;

/**
 * Which roles each side manages. Roles belong to the whole server, so both sides see every role; the
 * declared side manages the roles its files create, head the roles its replay created, except those
 * the declared schema still uses without creating them (roles provisioned elsewhere are never dropped).
 */
record RoleScope(Set<String> head, Set<String> declared) {

  RoleScope {
    head = Set.copyOf(head);
    declared = Set.copyOf(declared);
  }

  static RoleScope of(Set<String> headRoles, Set<String> declaredRoles, Catalog declared) {
    Set<String> used = referenced(declared);
    used.removeAll(declaredRoles);
    Set<String> head = new TreeSet<>(headRoles);
    head.removeAll(used);
    return new RoleScope(head, declaredRoles);
  }

  /** The catalog with only the roles of {@code managed}. */
  static Catalog only(Catalog c, Set<String> managed) {
    return c.without(o -> o instanceof Role r && !managed.contains(r.id().name()));
  }

  /**
   * Every role the catalog's objects grant something to: in privileges, policies, default privileges.
   * (Owners are left out: the role that runs migrations owns everything and is nobody's to drop.)
   */
  static Set<String> referenced(Catalog c) {
    Set<String> out = new TreeSet<>();
    for (DbObject o : c.objects().values()) {
      add(out, c.acl(o.id()));
      if (o instanceof Policy p) {
        out.addAll(p.roles());
      }
      if (o instanceof DefaultAcl d) {
        add(out, d.acl());
      }
    }
    out.remove(Grant.PUBLIC);
    out.remove(c.currentUser());
    return out;
  }

  private static void add(Set<String> out, Acl acl) {
    if (acl != null) {
      for (Grant g : acl.grants()) {
        out.add(g.grantee());
      }
    }
  }
}
