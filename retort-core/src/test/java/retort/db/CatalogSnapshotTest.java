package retort.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retort.testing.TestPostgres;

class CatalogSnapshotTest {

  private static final List<String> SCHEMAS = List.of("public", "shop");
  /** Roles are cluster-wide: a name of this run's own, dropped at the end. */
  private static final String ROLE = "t_snap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  private static final String DDL = String.join("\n",
      "CREATE EXTENSION IF NOT EXISTS btree_gist;",
      "CREATE SCHEMA shop;",
      "COMMENT ON SCHEMA shop IS 'the shop';",
      "CREATE TYPE shop.status AS ENUM ('new', 'paid', 'sent');",
      "CREATE DOMAIN shop.positive AS numeric(10,2) CHECK (VALUE > 0);",
      "CREATE TABLE shop.orders (",
      "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,",
      "  customer text NOT NULL,",
      "  status shop.status NOT NULL DEFAULT 'new',",
      "  amount shop.positive,",
      "  note text,",
      "  doc tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(note, ''))) STORED,",
      "  CONSTRAINT orders_customer_check CHECK (customer <> '')",
      ");",
      "COMMENT ON TABLE shop.orders IS 'line one\nline two';",
      "CREATE INDEX orders_customer_idx ON shop.orders (customer);",
      "CREATE TABLE public.items (id serial PRIMARY KEY, order_id bigint REFERENCES shop.orders (id));",
      "CREATE VIEW shop.open_orders AS SELECT id, customer FROM shop.orders WHERE status <> 'sent';",
      "CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
      "CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();",
      "CREATE TABLE public.retort_version (version_num varchar(32) PRIMARY KEY);",
      "CREATE TABLE public.retort_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, revision text);",
      "GRANT USAGE ON SCHEMA shop TO " + ROLE + ";",
      "GRANT SELECT ON shop.orders TO " + ROLE + ";",
      "ALTER DEFAULT PRIVILEGES IN SCHEMA shop GRANT SELECT ON TABLES TO " + ROLE + ";");

  private static final List<String> DATABASES = new java.util.ArrayList<>();
  private static String a;

  @BeforeAll
  static void createRole() throws SQLException {
    exec(TestPostgres.url("postgres"), "CREATE ROLE " + ROLE + " NOLOGIN");
  }

  @AfterAll
  static void dropRole() throws SQLException {
    for (String db : DATABASES) {
      exec(db, "DROP OWNED BY " + ROLE);
    }
    exec(TestPostgres.url("postgres"), "DROP ROLE IF EXISTS " + ROLE);
  }

  private static void exec(String url, String sql) throws SQLException {
    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static CatalogSnapshot snapshot(String url) throws SQLException {
    try (Connection c = TestPostgres.connect(url)) {
      return CatalogSnapshot.take(c, SCHEMAS, ROLE);
    }
  }

  /** Two databases built from the same DDL; {@code change} applied to the second. */
  private static CatalogSnapshot[] pair(String change) throws SQLException {
    if (a == null) {
      a = TestPostgres.newDatabase();
      DATABASES.add(a);
      exec(a, DDL);
    }
    String b = TestPostgres.newDatabase();
    DATABASES.add(b);
    exec(b, DDL);
    if (change != null) {
      exec(b, change);
    }
    return new CatalogSnapshot[] {snapshot(a), snapshot(b)};
  }

  @Test
  void identicalDdlGivesEqualSnapshots() throws SQLException {
    CatalogSnapshot[] s = pair(null);
    assertThat(s[0].diff(s[1])).isEmpty();
    assertThat(s[0]).isEqualTo(s[1]);
    assertThat(s[0].hashCode()).isEqualTo(s[1].hashCode());
    assertThat(s[0].toString()).isEqualTo(s[1].toString());
  }

  @Test
  void capturesEveryKindOfObjectAndLeavesRetortsTablesOut() throws SQLException {
    CatalogSnapshot s = pair(null)[0];
    String text = s.toString();
    assertThat(s.lines()).isSorted();
    assertThat(text)
        .contains("schema shop owner=postgres")
        .contains("comment=the shop")
        .contains("relation shop.orders kind=r")
        .contains("relation shop.open_orders kind=v")
        .contains("column shop.orders.status shop.status not null default='new'::shop.status")
        .contains("column shop.orders.id bigint not null identity always")
        .contains("column shop.orders.doc tsvector generated=to_tsvector('simple'::regconfig")
        .contains("constraint shop.orders.orders_customer_check CHECK (customer <> ''::text)")
        .contains("constraint public.items.items_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id)")
        .contains("index shop.orders_customer_idx CREATE INDEX orders_customer_idx ON shop.orders USING btree (customer)")
        .contains("view shop.open_orders ")
        .contains("function shop.touch() kind=f returns trigger language=plpgsql")
        .contains("trigger shop.orders.orders_touch CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders")
        .contains("type shop.status owner=postgres enum ('new', 'paid', 'sent')")
        .contains("type shop.positive owner=postgres domain numeric(10,2)")
        .contains("constraint domain shop.positive.positive_check CHECK (VALUE > 0::numeric)")
        .contains("sequence public.items_id_seq type=integer")
        .contains("owned-by=public.items.id")
        .contains("sequence shop.orders_id_seq type=bigint")
        .contains("acl shop.orders {" )
        .contains(ROLE + "=r/postgres")
        .contains("default-acl for=postgres in=shop on=tables {" + ROLE + "=r/postgres}")
        .contains("extension btree_gist version=")
        .contains("extension plpgsql version=")
        .contains("role " + ROLE + " nologin")
        .contains("comment relation shop.orders line one\\nline two")
        .doesNotContain("retort_version")
        .doesNotContain("retort_log")
        // objects of an extension are the extension's
        .doesNotContain("gbtreekey");
    assertThat(s.lines()).noneMatch(l -> l.contains("\n"));
  }

  @Test
  void diffNamesAnAddedColumn() throws SQLException {
    CatalogSnapshot[] s = pair("ALTER TABLE shop.orders ADD COLUMN paid_at timestamptz");
    assertThat(s[0]).isNotEqualTo(s[1]);
    assertThat(s[0].diff(s[1])).containsExactly("+ column shop.orders.paid_at timestamp with time zone position=7");
    assertThat(s[1].diff(s[0])).containsExactly("- column shop.orders.paid_at timestamp with time zone position=7");
  }

  @Test
  void diffNamesAChangedDefault() throws SQLException {
    CatalogSnapshot[] s = pair("ALTER TABLE shop.orders ALTER COLUMN note SET DEFAULT 'none'");
    assertThat(s[0].diff(s[1])).containsExactly(
        "+ column shop.orders.note text default='none'::text position=5",
        "- column shop.orders.note text position=5");
  }

  @Test
  void diffNamesAnAddedIndex() throws SQLException {
    CatalogSnapshot[] s = pair("CREATE UNIQUE INDEX orders_note_key ON shop.orders (note) WHERE note IS NOT NULL");
    assertThat(s[0].diff(s[1])).containsExactly(
        "+ index shop.orders_note_key CREATE UNIQUE INDEX orders_note_key ON shop.orders USING btree (note)"
            + " WHERE (note IS NOT NULL)");
  }

  @Test
  void diffNamesAChangedGrant() throws SQLException {
    CatalogSnapshot[] s = pair("GRANT INSERT ON shop.orders TO " + ROLE);
    assertThat(s[0].diff(s[1])).containsExactly(
        "+ acl shop.orders {postgres=arwdDxtm/postgres," + ROLE + "=ar/postgres}",
        "- acl shop.orders {postgres=arwdDxtm/postgres," + ROLE + "=r/postgres}");
  }

  @Test
  void privilegesAreComparedByEffectNotByHowTheAclIsStored() throws SQLException {
    // a grant and its revoke leave an explicit owner-only ACL where there was NULL: same privileges
    CatalogSnapshot[] s = pair("GRANT SELECT ON public.items TO " + ROLE + "; REVOKE SELECT ON public.items FROM " + ROLE
        + "; GRANT EXECUTE ON FUNCTION shop.touch() TO " + ROLE + "; REVOKE EXECUTE ON FUNCTION shop.touch() FROM "
        + ROLE);
    assertThat(s[0].diff(s[1])).isEmpty();
    // revoking a default privilege is a difference
    s = pair("REVOKE EXECUTE ON FUNCTION shop.touch() FROM PUBLIC");
    assertThat(s[0].diff(s[1])).containsExactly("+ acl function shop.touch() {postgres=X/postgres}");
  }

  @Test
  void diffNamesAChangedDefaultPrivilegeAndSchemaGrant() throws SQLException {
    CatalogSnapshot[] s = pair("ALTER DEFAULT PRIVILEGES IN SCHEMA shop REVOKE SELECT ON TABLES FROM " + ROLE
        + "; REVOKE USAGE ON SCHEMA shop FROM " + ROLE);
    List<String> diff = s[0].diff(s[1]);
    assertThat(diff).contains("- default-acl for=postgres in=shop on=tables {" + ROLE + "=r/postgres}");
    assertThat(diff).anyMatch(l -> l.startsWith("- schema shop ") && l.contains(ROLE + "=U/postgres"));
    assertThat(diff).anyMatch(l -> l.startsWith("+ schema shop ") && !l.contains(ROLE));
  }

  @Test
  void diffNamesAChangedFunctionBodyEnumAndTrigger() throws SQLException {
    CatalogSnapshot[] s = pair("CREATE OR REPLACE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN RETURN OLD; END $$; ALTER TYPE shop.status ADD VALUE 'lost';"
        + " ALTER TABLE shop.orders DISABLE TRIGGER orders_touch");
    List<String> diff = s[0].diff(s[1]);
    assertThat(diff).anyMatch(l -> l.startsWith("- function shop.touch()"));
    assertThat(diff).anyMatch(l -> l.startsWith("+ function shop.touch()"));
    assertThat(diff).contains("+ type shop.status owner=postgres enum ('new', 'paid', 'sent', 'lost')");
    assertThat(diff).anyMatch(l -> l.startsWith("+ trigger shop.orders.orders_touch") && l.endsWith("enabled=D"));
  }

  @Test
  void searchPathDoesNotChangeTheSnapshotAndIsRestored() throws SQLException {
    CatalogSnapshot[] s = pair(null);
    try (Connection c = TestPostgres.connect(a); Statement st = c.createStatement()) {
      st.execute("SET search_path = shop, public");
      CatalogSnapshot other = CatalogSnapshot.take(c, SCHEMAS, ROLE);
      assertThat(s[0].diff(other)).isEmpty();
      try (var rs = st.executeQuery("SHOW search_path")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("shop, public");
      }
    }
  }

  @Test
  void withoutAPrefixNoRoles() throws SQLException {
    pair(null);
    try (Connection c = TestPostgres.connect(a)) {
      assertThat(CatalogSnapshot.take(c, SCHEMAS).lines()).noneMatch(l -> l.startsWith("role"));
    }
  }
}
