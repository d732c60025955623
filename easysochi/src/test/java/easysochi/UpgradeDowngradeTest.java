package easysochi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import retort.Retort;
import retort.RevisionInfo;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/** The whole chain up, down to nothing, and up again, on an empty database. */
class UpgradeDowngradeTest {

  private static final String HEAD = "61d1001d5763";

  @Test
  void upgradeHeadDowngradeBaseUpgradeHeadLeavesNothingBehindAndRebuildsTheSameSchema() throws SQLException {
    String url = TestPostgres.newDatabase();
    CatalogSnapshot empty = Bot.snapshotWithoutRoles(url);
    Retort retort = Bot.retort(url);

    retort.upgrade("head");
    assertThat(retort.current()).extracting(RevisionInfo::revision).containsExactly(HEAD);
    CatalogSnapshot first = Bot.snapshot(url);
    assertThat(first.lines()).contains(
        "relation apartments.bookings kind=r owner=postgres",
        "role easysochi_app nologin",
        "role easysochi_readonly nologin");

    retort.downgrade("base");
    assertThat(retort.current()).isEmpty();
    assertNothingOfTheBotLeft(url);
    // the strongest form: the catalog is what it was before the first upgrade
    assertThat(empty.diff(Bot.snapshotWithoutRoles(url))).as("left over after downgrade base").isEmpty();

    retort.upgrade("head");
    assertThat(retort.current()).extracting(RevisionInfo::revision).containsExactly(HEAD);
    CatalogSnapshot second = Bot.snapshot(url);
    assertThat(first.diff(second)).as("first upgrade head vs second").isEmpty();
    assertThat(second).isEqualTo(first);

    // leave the cluster as found
    retort.downgrade("base");
    assertNothingOfTheBotLeft(url);
  }

  /** Two databases of one cluster share the roles: downgrading one must leave the other's intact. */
  @Test
  void twoDatabasesInOneClusterShareTheRoles() throws SQLException {
    String a = TestPostgres.newDatabase();
    String b = TestPostgres.newDatabase();
    Retort ra = Bot.retort(a);
    Retort rb = Bot.retort(b);
    ra.upgrade("head");
    rb.upgrade("head");
    CatalogSnapshot atHead = Bot.snapshot(a);
    assertThat(Bot.snapshot(b)).isEqualTo(atHead);

    rb.downgrade("base");
    assertNothingOfTheBotLeft(b);
    assertThat(Bot.roleExists(a, "easysochi_app")).as("a still needs easysochi_app").isTrue();
    assertThat(Bot.roleExists(a, "easysochi_readonly")).as("a still needs easysochi_readonly").isTrue();
    assertThat(Bot.snapshot(a).diff(atHead)).isEmpty();

    rb.upgrade("head");
    assertThat(Bot.snapshot(b)).isEqualTo(atHead);
    rb.downgrade("base");
    ra.downgrade("base");
    assertNothingOfTheBotLeft(a);
    assertNothingOfTheBotLeft(b);
  }

  static void assertNothingOfTheBotLeft(String url) throws SQLException {
    try (Connection c = TestPostgres.connect(url)) {
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'apartments'"))
          .as("schema apartments").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'public' AND c.relname NOT LIKE 'retort\\_%'"))
          .as("relations in public other than Retort's").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE n.nspname = 'public' AND t.typname NOT LIKE 'retort\\_%' AND t.typname NOT LIKE '\\_retort\\_%'"))
          .as("types in public other than the row types of Retort's tables").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
          + " WHERE n.nspname = 'public'")).as("functions in public").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_extension WHERE extname IN ('btree_gist', 'pg_trgm')"))
          .as("extensions").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_default_acl")).as("default privileges").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid"
          + " WHERE d.refclassid = 'pg_authid'::regclass AND r.rolname LIKE 'easysochi\\_%'"
          + " AND d.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"))
          .as("grants to the bot's roles in this database").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM public.retort_version")).as("version rows").isZero();
      assertThat(Bot.count(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'public'"
          + " AND (nspacl IS NULL OR NOT nspacl::text LIKE '%easysochi%')")).as("no grant on schema public").isOne();
    }
    for (String role : new String[] {"easysochi_app", "easysochi_readonly"}) {
      if (!Bot.roleUsedElsewhere(url, role)) {
        assertThat(Bot.roleExists(url, role)).as(role + " is used by no database, so dropped").isFalse();
      }
    }
  }
}
