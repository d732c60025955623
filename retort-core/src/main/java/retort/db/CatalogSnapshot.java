package retort.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The structure of some schemas of a database, as sorted text lines, so that two databases (or one
 * database at two moments) can be compared and their differences read.
 *
 * <p>Captured for the given schemas: the schemas themselves (owner, ACL, comment), tables, views,
 * sequences and other relations (kind, owner, row security), columns (type, not null, default or
 * generation expression, identity, collation when not the type's, position among live columns),
 * constraints, indexes, view definitions, functions and procedures (signature, result, language,
 * security, config, md5 of the definition, ACL), non-internal triggers, user types (enums with their
 * labels, domains, ranges, composites), sequence parameters, table and column ACLs, comments, row
 * security policies, and the default privileges that apply to these schemas or to the whole
 * database. Extensions are captured always (name, version, schema), objects that belong to an
 * extension never. Roles are captured only when asked, by name prefix, with their attributes and
 * memberships. Retort's own tables {@code retort_version} and {@code retort_log} (and their
 * sequences, indexes and constraints) are left out.
 *
 * <p>Names are printed schema-qualified whatever the connection's {@code search_path}: the snapshot
 * sets it to {@code pg_catalog} while it reads, and restores it afterwards. Privileges are compared
 * by effect: an ACL is printed (items sorted) only where it differs from PostgreSQL's built-in
 * default for the object's kind and owner, so a NULL ACL and an explicit owner-only one left by a
 * REVOKE back to the default read the same. Multi-line text (a view
 * definition, a comment) is kept on one line with {@code \n} escapes.
 */
public final class CatalogSnapshot {

  private static final List<String> EXCLUDED_TABLES = List.of("retort_version", "retort_log");

  private final List<String> lines;

  private CatalogSnapshot(Collection<String> lines) {
    this.lines = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(lines)));
  }

  /** A snapshot of these schemas, the extensions of the database, and no roles. */
  public static CatalogSnapshot take(Connection c, Collection<String> schemas) throws SQLException {
    return take(c, schemas, null);
  }

  /**
   * A snapshot of these schemas, the extensions of the database, and the roles whose name starts
   * with {@code rolePrefix} (none when it is null).
   */
  public static CatalogSnapshot take(Connection c, Collection<String> schemas, String rolePrefix)
      throws SQLException {
    String oldPath = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
      rs.next();
      oldPath = rs.getString(1);
    }
    set(c, "pg_catalog");
    try {
      return new Reader(c, schemas).read(rolePrefix);
    } finally {
      set(c, oldPath);
    }
  }

  private static void set(Connection c, String path) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false)")) {
      ps.setString(1, path);
      ps.executeQuery().close();
    }
  }

  /** The lines, sorted. */
  public List<String> lines() {
    return lines;
  }

  /**
   * The lines that only one side has: {@code "- line"} for a line only in this snapshot,
   * {@code "+ line"} for a line only in {@code other}; sorted by line. Empty when equal.
   */
  public List<String> diff(CatalogSnapshot other) {
    TreeSet<String> mine = new TreeSet<>(lines);
    TreeSet<String> theirs = new TreeSet<>(other.lines);
    List<String[]> out = new ArrayList<>();
    for (String l : mine) {
      if (!theirs.contains(l)) {
        out.add(new String[] {l, "- "});
      }
    }
    for (String l : theirs) {
      if (!mine.contains(l)) {
        out.add(new String[] {l, "+ "});
      }
    }
    out.sort((a, b) -> {
      int byLine = a[0].compareTo(b[0]);
      return byLine != 0 ? byLine : a[1].compareTo(b[1]);
    });
    List<String> result = new ArrayList<>(out.size());
    for (String[] d : out) {
      result.add(d[1] + d[0]);
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CatalogSnapshot other && lines.equals(other.lines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines);
  }

  /** One line per catalog entry, sorted. */
  @Override
  public String toString() {
    return String.join("\n", lines);
  }

  // ---- reading

  private static final class Reader {
    private final Connection c;
    private final String[] schemas;
    private final List<String> out = new ArrayList<>();
    /** Retort's tables and the sequences they own, by name. */
    private String[] excluded;

    Reader(Connection c, Collection<String> schemas) {
      this.c = c;
      this.schemas = schemas.toArray(new String[0]);
    }

    private void findExcluded() throws SQLException {
      List<String> names = new ArrayList<>(EXCLUDED_TABLES);
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.relname FROM pg_catalog.pg_class s"
          + " JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid"
          + "  AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')"
          + " JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
          + " WHERE s.relkind = 'S' AND n.nspname = ANY (?) AND t.relname = ANY (?)")) {
        Array a = c.createArrayOf("text", schemas);
        Array b = c.createArrayOf("text", EXCLUDED_TABLES.toArray(new String[0]));
        ps.setArray(1, a);
        ps.setArray(2, b);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      }
      excluded = names.toArray(new String[0]);
    }

    /** Not a member of an extension: {@code alias.oid} of catalog {@code catalog}. */
    private static String notExt(String catalog, String oid) {
      return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_catalog."
          + catalog + "'::pg_catalog.regclass AND dx.objid = " + oid + " AND dx.deptype = 'e') ";
    }

    private static final String SORTED_ACL =
        "pg_catalog.array_to_string(ARRAY(SELECT x::text FROM pg_catalog.unnest(%s) x ORDER BY 1), ',')";

    /** The ACL's items sorted, or NULL when the column is NULL or empty. */
    private static String acl(String column) {
      return "CASE WHEN " + column + " IS NULL OR pg_catalog.cardinality(" + column + ") = 0 THEN NULL ELSE "
          + String.format(SORTED_ACL, column) + " END";
    }

    /**
     * The effective ACL's items sorted, or NULL when they are the built-in default for the object's
     * kind and owner: a NULL ACL and an explicit one that says the same (as a REVOKE back to the
     * default leaves behind) are the same privileges, and print the same.
     */
    private static String effectiveAcl(String column, String kind, String owner) {
      String dflt = "pg_catalog.acldefault(" + kind + ", " + owner + ")";
      String effective = String.format(SORTED_ACL, "coalesce(" + column + ", " + dflt + ")");
      return "NULLIF(" + effective + ", " + String.format(SORTED_ACL, dflt) + ")";
    }

    /** Relations of the schemas, not Retort's, not of an extension; alias {@code c}, namespace {@code n}. */
    private static final String REL_FILTER =
        " n.nspname = ANY (?) AND NOT (c.relname = ANY (?)) AND " + notExt("pg_class", "c.oid");

    CatalogSnapshot read(String rolePrefix) throws SQLException {
      findExcluded();
      schemas();
      relations();
      columns();
      constraints();
      indexes();
      views();
      sequences();
      functions();
      triggers();
      types();
      policies();
      defaultAcls();
      extensions();
      if (rolePrefix != null) {
        roles(rolePrefix);
      }
      return new CatalogSnapshot(out);
    }

    private void schemas() throws SQLException {
      query("SELECT 'schema ' || n.nspname || ' owner=' || pg_catalog.pg_get_userbyid(n.nspowner)"
          + " || coalesce(' acl={' || " + effectiveAcl("n.nspacl", "'n'", "n.nspowner") + " || '}', '')"
          + " || coalesce(' comment=' || pg_catalog.obj_description(n.oid, 'pg_namespace'), '')"
          + " FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?)", false);
    }

    private void relations() throws SQLException {
      query("SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind=' || c.relkind::text"
          + " || ' owner=' || pg_catalog.pg_get_userbyid(c.relowner)"
          + " || CASE c.relpersistence WHEN 'u' THEN ' unlogged' WHEN 't' THEN ' temp' ELSE '' END"
          + " || CASE WHEN c.relrowsecurity THEN ' rls' ELSE '' END"
          + " || CASE WHEN c.relforcerowsecurity THEN ' force-rls' ELSE '' END"
          + " || coalesce(' options=' || pg_catalog.array_to_string(c.reloptions, ','), '')"
          + " || CASE WHEN c.relispartition THEN ' partition-of=' || (SELECT i.inhparent::pg_catalog.regclass::text"
          + "      FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) || ' '"
          + "      || pg_catalog.pg_get_expr(c.relpartbound, c.oid) ELSE '' END"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND " + REL_FILTER, true);
      query("SELECT 'acl ' || n.nspname || '.' || c.relname || ' {' || " + effectiveAcl("c.relacl",
          "CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\"", "c.relowner") + " || '}'"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND " + REL_FILTER, true);
      query("SELECT 'comment relation ' || n.nspname || '.' || c.relname || ' ' || d.description"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass"
          + "  AND d.objoid = c.oid AND d.objsubid = 0"
          + " WHERE " + REL_FILTER, true);
    }

    private void columns() throws SQLException {
      String live = "a.attnum > 0 AND NOT a.attisdropped";
      query("SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname"
          + " || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)"
          + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
          + " || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END"
          + " || CASE WHEN a.attgenerated = 's' THEN ' generated=' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)"
          + "         WHEN ad.adbin IS NOT NULL THEN ' default=' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)"
          + "         ELSE '' END"
          + " || CASE WHEN a.attcollation <> t.typcollation THEN ' collate=' || coll.collname ELSE '' END"
          + " || ' position=' || (SELECT count(*) FROM pg_catalog.pg_attribute b"
          + "      WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND NOT b.attisdropped AND b.attnum <= a.attnum)"
          + " || coalesce(' comment=' || pg_catalog.col_description(c.oid, a.attnum), '')"
          + " || coalesce(' acl={' || " + acl("a.attacl") + " || '}', '')"
          + " FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
          + " LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation"
          + " WHERE " + live + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND " + REL_FILTER, true);
    }

    private void constraints() throws SQLException {
      query("SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || con.conname || ' '"
          + " || pg_catalog.pg_get_constraintdef(con.oid, true)"
          + " || CASE WHEN con.condeferrable THEN ' deferrable' ELSE '' END"
          + " || CASE WHEN con.condeferred THEN ' initially-deferred' ELSE '' END"
          + " || CASE WHEN NOT con.convalidated THEN ' not-valid' ELSE '' END"
          + " FROM pg_catalog.pg_constraint con"
          + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE " + REL_FILTER, true);
      // domain constraints
      query("SELECT 'constraint domain ' || n.nspname || '.' || t.typname || '.' || con.conname || ' '"
          + " || pg_catalog.pg_get_constraintdef(con.oid, true)"
          + " FROM pg_catalog.pg_constraint con"
          + " JOIN pg_catalog.pg_type t ON t.oid = con.contypid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE n.nspname = ANY (?) AND " + notExt("pg_type", "t.oid"), false);
    }

    private void indexes() throws SQLException {
      query("SELECT 'index ' || n.nspname || '.' || ic.relname || ' ' || pg_catalog.pg_get_indexdef(i.indexrelid)"
          + " || CASE WHEN NOT i.indisvalid THEN ' INVALID' ELSE '' END"
          + " || coalesce(' comment=' || pg_catalog.obj_description(ic.oid, 'pg_class'), '')"
          + " FROM pg_catalog.pg_index i"
          + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
          + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE " + REL_FILTER, true);
    }

    private void views() throws SQLException {
      query("SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_catalog.pg_get_viewdef(c.oid, true)"
          + " || coalesce(' options=' || pg_catalog.array_to_string(c.reloptions, ','), '')"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('v', 'm') AND " + REL_FILTER, true);
    }

    private void sequences() throws SQLException {
      query("SELECT 'sequence ' || n.nspname || '.' || c.relname"
          + " || ' type=' || pg_catalog.format_type(s.seqtypid, NULL)"
          + " || ' start=' || s.seqstart || ' increment=' || s.seqincrement"
          + " || ' min=' || s.seqmin || ' max=' || s.seqmax || ' cache=' || s.seqcache"
          + " || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END"
          + " || coalesce((SELECT ' owned-by=' || tc.oid::pg_catalog.regclass::text || '.' || pg_catalog.quote_ident(ta.attname)"
          + "      || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END"
          + "    FROM pg_catalog.pg_depend d"
          + "    JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid"
          + "    JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid"
          + "   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid"
          + "     AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')"
          + "   LIMIT 1), '')"
          + " FROM pg_catalog.pg_sequence s"
          + " JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE " + REL_FILTER, true);
    }

    private void functions() throws SQLException {
      String sig = "n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'";
      query("SELECT 'function ' || " + sig
          + " || ' kind=' || p.prokind::text"
          + " || coalesce(' returns ' || pg_catalog.pg_get_function_result(p.oid), '')"
          + " || ' language=' || l.lanname"
          + " || ' owner=' || pg_catalog.pg_get_userbyid(p.proowner)"
          + " || CASE WHEN p.prosecdef THEN ' security-definer' ELSE '' END"
          + " || ' volatility=' || p.provolatile::text"
          + " || coalesce(' config=' || pg_catalog.array_to_string(p.proconfig, ','), '')"
          + " || ' md5=' || pg_catalog.md5(CASE WHEN p.prokind IN ('f', 'p', 'w')"
          + "      THEN pg_catalog.pg_get_functiondef(p.oid) ELSE coalesce(p.prosrc, '') END)"
          + " FROM pg_catalog.pg_proc p"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
          + " WHERE n.nspname = ANY (?) AND " + notExt("pg_proc", "p.oid"), false);
      query("SELECT 'acl function ' || " + sig + " || ' {' || " + effectiveAcl("p.proacl", "'f'", "p.proowner") + " || '}'"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " WHERE n.nspname = ANY (?) AND " + notExt("pg_proc", "p.oid"), false);
      query("SELECT 'comment function ' || " + sig + " || ' ' || d.description"
          + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
          + " JOIN pg_catalog.pg_description d ON d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
          + "  AND d.objoid = p.oid AND d.objsubid = 0"
          + " WHERE n.nspname = ANY (?) AND " + notExt("pg_proc", "p.oid"), false);
    }

    private void triggers() throws SQLException {
      query("SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || tg.tgname || ' '"
          + " || pg_catalog.pg_get_triggerdef(tg.oid, true)"
          + " || CASE tg.tgenabled WHEN 'O' THEN '' ELSE ' enabled=' || tg.tgenabled::text END"
          + " FROM pg_catalog.pg_trigger tg"
          + " JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE NOT tg.tgisinternal AND " + REL_FILTER, true);
    }

    private void types() throws SQLException {
      String userTypes = " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE n.nspname = ANY (?) AND " + notExt("pg_type", "t.oid")
          // not the array type of another type, not the row type of a table/view
          + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)"
          + " AND (t.typrelid = 0 OR (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c')"
          + " AND t.typtype <> 'm'"; // multirange types come with their range
      query("SELECT 'type ' || n.nspname || '.' || t.typname"
          + " || ' owner=' || pg_catalog.pg_get_userbyid(t.typowner)"
          + " || CASE t.typtype"
          + "      WHEN 'e' THEN ' enum (' || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_literal(e.enumlabel)"
          + "          FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), ', ') || ')'"
          + "      WHEN 'd' THEN ' domain ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)"
          + "          || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END"
          + "          || coalesce(' default=' || t.typdefault, '')"
          + "      WHEN 'r' THEN ' range of ' || (SELECT pg_catalog.format_type(r.rngsubtype, NULL)"
          + "          FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)"
          + "      WHEN 'c' THEN ' composite'"
          + "      ELSE ' typtype=' || t.typtype::text END"
          + " || coalesce(' acl={' || " + effectiveAcl("t.typacl", "'T'", "t.typowner") + " || '}', '')"
          + " || coalesce(' comment=' || pg_catalog.obj_description(t.oid, 'pg_type'), '')"
          + userTypes, false);
    }

    private void policies() throws SQLException {
      query("SELECT 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname"
          + " || ' cmd=' || p.polcmd::text || CASE WHEN p.polpermissive THEN '' ELSE ' restrictive' END"
          + " || ' roles=' || pg_catalog.array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public'"
          + "      ELSE pg_catalog.pg_get_userbyid(r) END FROM pg_catalog.unnest(p.polroles) r ORDER BY 1), ',')"
          + " || coalesce(' using=' || pg_catalog.pg_get_expr(p.polqual, p.polrelid), '')"
          + " || coalesce(' check=' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '')"
          + " FROM pg_catalog.pg_policy p"
          + " JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE " + REL_FILTER, true);
    }

    private void defaultAcls() throws SQLException {
      query("SELECT 'default-acl for=' || pg_catalog.pg_get_userbyid(d.defaclrole)"
          + " || ' in=' || coalesce(n.nspname, '(database)')"
          + " || ' on=' || CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'"
          + "      WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas'"
          + "      ELSE d.defaclobjtype::text END"
          + " || ' {' || " + acl("d.defaclacl") + " || '}'"
          + " FROM pg_catalog.pg_default_acl d"
          + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace"
          + " WHERE d.defaclnamespace = 0 OR n.nspname = ANY (?)", false);
    }

    private void extensions() throws SQLException {
      query("SELECT 'extension ' || e.extname || ' version=' || e.extversion || ' schema=' || n.nspname"
          + " FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace", 0);
    }

    private void roles(String prefix) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 'role ' || r.rolname"
              + " || CASE WHEN r.rolcanlogin THEN ' login' ELSE ' nologin' END"
              + " || CASE WHEN r.rolsuper THEN ' superuser' ELSE '' END"
              + " || CASE WHEN r.rolcreaterole THEN ' createrole' ELSE '' END"
              + " || CASE WHEN r.rolcreatedb THEN ' createdb' ELSE '' END"
              + " || CASE WHEN r.rolinherit THEN '' ELSE ' noinherit' END"
              + " || CASE WHEN r.rolreplication THEN ' replication' ELSE '' END"
              + " || CASE WHEN r.rolbypassrls THEN ' bypassrls' ELSE '' END"
              + " || CASE WHEN r.rolconnlimit <> -1 THEN ' connlimit=' || r.rolconnlimit ELSE '' END"
              + " FROM pg_catalog.pg_roles r WHERE pg_catalog.starts_with(r.rolname, ?)"
              + " UNION ALL"
              + " SELECT 'role-member ' || m.rolname || ' in ' || g.rolname"
              + " FROM pg_catalog.pg_auth_members am"
              + " JOIN pg_catalog.pg_roles m ON m.oid = am.member"
              + " JOIN pg_catalog.pg_roles g ON g.oid = am.roleid"
              + " WHERE pg_catalog.starts_with(m.rolname, ?) OR pg_catalog.starts_with(g.rolname, ?)")) {
        ps.setString(1, prefix);
        ps.setString(2, prefix);
        ps.setString(3, prefix);
        collect(ps);
      }
    }

    /** Runs a query whose parameters are the schema array, then (when {@code excluded}) Retort's tables. */
    private void query(String sql, boolean excluded) throws SQLException {
      query(sql, excluded ? 2 : 1);
    }

    /** Parameters: the schemas, then (when {@code params} is 2) the excluded relation names. */
    private void query(String sql, int params) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        List<Array> arrays = new ArrayList<>();
        for (int i = 1; i <= params; i++) {
          Array a = c.createArrayOf("text", i == 1 ? schemas : excluded);
          arrays.add(a);
          ps.setArray(i, a);
        }
        collect(ps);
        for (Array a : arrays) {
          a.free();
        }
      }
    }

    private void collect(PreparedStatement ps) throws SQLException {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String line = rs.getString(1);
          if (line != null) {
            out.add(escape(line));
          }
        }
      }
    }

    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
  }
}
