package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.Names;
import retort.catalog.Role;

/**
 * Roles the declared schema creates, compared by name and attributes (never passwords). Roles belong
 * to the whole server, so a role is created only where it is missing and dropped only when no other
 * database of the server depends on it.
 */
final class RoleComparer implements Comparer<Role> {

  @Override
  public Class<Role> type() {
    return Role.class;
  }

  @Override
  public List<Step> create(Role r, Catalog side, Context c) {
    return List.of(Step.of(r.id(), Action.CREATE, "create role", create(r), drop(r)));
  }

  @Override
  public List<Step> drop(Role r, Catalog side, Context c) {
    return List.of(Step.of(r.id(), Action.DROP, "drop role", drop(r), create(r)));
  }

  @Override
  public List<Step> alter(Role from, Role to, Context c) {
    return List.of(Step.of(to.id(), Action.ALTER, "alter role",
        "ALTER ROLE " + to.id().qualified() + " WITH" + attributes(to, from),
        "ALTER ROLE " + to.id().qualified() + " WITH" + attributes(from, to)));
  }

  /** The attributes of {@code r} that differ from {@code base} (all non-defaults when base is null). */
  static String attributes(Role r, Role base) {
    List<String> out = new ArrayList<>();
    flag(out, "SUPERUSER", r.superuser(), base == null ? false : base.superuser());
    flag(out, "CREATEDB", r.createDb(), base == null ? false : base.createDb());
    flag(out, "CREATEROLE", r.createRole(), base == null ? false : base.createRole());
    flag(out, "INHERIT", r.inherit(), base == null ? true : base.inherit());
    flag(out, "LOGIN", r.login(), base == null ? false : base.login());
    flag(out, "REPLICATION", r.replication(), base == null ? false : base.replication());
    flag(out, "BYPASSRLS", r.bypassRls(), base == null ? false : base.bypassRls());
    if (r.connectionLimit() != (base == null ? -1 : base.connectionLimit())) {
      out.add("CONNECTION LIMIT " + r.connectionLimit());
    }
    if (!Objects.equals(r.validUntil(), base == null ? null : base.validUntil())) {
      out.add("VALID UNTIL " + Names.literal(r.validUntil() == null ? "infinity" : r.validUntil()));
    }
    return out.isEmpty() ? "" : " " + String.join(" ", out);
  }

  private static void flag(List<String> out, String name, boolean value, boolean base) {
    if (value != base) {
      out.add(value ? name : "NO" + name);
    }
  }

  private static String create(Role r) {
    String name = r.id().qualified();
    String attributes = attributes(r, null);
    return "DO $retort$\nBEGIN\n"
        + "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + Names.literal(r.id().name()) + ") THEN\n"
        + "        CREATE ROLE " + name + (attributes.isEmpty() ? "" : " WITH" + attributes) + ";\n"
        + "    END IF;\n"
        + "END\n$retort$";
  }

  /** Drops the role unless another database (or a shared object) of the server still depends on it. */
  private static String drop(Role r) {
    String literal = Names.literal(r.id().name());
    return "DO $retort$\nBEGIN\n"
        + "    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal + ")\n"
        + "       AND NOT EXISTS (SELECT FROM pg_catalog.pg_shdepend d\n"
        + "                        WHERE d.refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass\n"
        + "                          AND d.refobjid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = " + literal + ")\n"
        + "                          AND d.dbid <> (SELECT oid FROM pg_catalog.pg_database\n"
        + "                                          WHERE datname = pg_catalog.current_database())) THEN\n"
        + "        DROP ROLE " + r.id().qualified() + ";\n"
        + "    END IF;\n"
        + "END\n$retort$";
  }
}
