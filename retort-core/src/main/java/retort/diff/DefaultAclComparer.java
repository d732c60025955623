package retort.diff;

import java.util.List;
import retort.catalog.Acl;
import retort.catalog.Catalog;
import retort.catalog.DefaultAcl;
import retort.catalog.Names;

/**
 * Default privileges ({@code ALTER DEFAULT PRIVILEGES}): what the objects a role creates are granted.
 * They are changed before the plan creates anything they govern, so new objects get them as they
 * will in production. {@code FOR ROLE} is written only for another role than the one that runs the
 * migration.
 */
final class DefaultAclComparer implements Comparer<DefaultAcl> {

  @Override
  public Class<DefaultAcl> type() {
    return DefaultAcl.class;
  }

  /** What holds where no entry exists: the built-in default for the whole database, nothing in a schema. */
  private static Acl none(DefaultAcl d) {
    return d.id().schema() == null ? Privileges.builtin(d.objects()) : Acl.EMPTY;
  }

  private static List<String> statements(DefaultAcl d, Catalog side, Acl from, Acl to) {
    String prefix = "ALTER DEFAULT PRIVILEGES"
        + (d.role().equals(side.currentUser()) ? "" : " FOR ROLE " + Names.quote(d.role()))
        + (d.id().schema() == null ? "" : " IN SCHEMA " + Names.quote(d.id().schema())) + " ";
    return Privileges.statements(from, to, (verb, privileges, grantee) -> verb.equals("GRANT")
        ? prefix + "GRANT " + privileges + " ON " + d.objects() + " TO " + grantee
        : prefix + verb + " " + privileges + " ON " + d.objects() + " FROM " + grantee, null);
  }

  @Override
  public List<Step> create(DefaultAcl d, Catalog side, Context c) {
    return List.of(Step.of(d.id(), Action.CREATE, "default privileges", statements(d, side, none(d), d.acl()),
        statements(d, side, d.acl(), none(d))));
  }

  @Override
  public List<Step> drop(DefaultAcl d, Catalog side, Context c) {
    return List.of(Step.of(d.id(), Action.DROP, "default privileges", statements(d, side, d.acl(), none(d)),
        statements(d, side, none(d), d.acl())));
  }

  @Override
  public List<Step> alter(DefaultAcl from, DefaultAcl to, Context c) {
    return List.of(Step.of(to.id(), Action.ALTER, "default privileges", statements(to, c.to(), from.acl(), to.acl()),
        statements(from, c.from(), to.acl(), from.acl())));
  }
}
