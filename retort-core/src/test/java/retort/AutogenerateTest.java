package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * {@code Retort.autogenerate} and {@code Retort.diff} through the public API, with the test server as
 * the scratch server: what is written, what the written revisions do to a real database, and the
 * errors a user meets.
 */
class AutogenerateTest {

  static final String A = "aaaa00000001";

  /** The test JVM's server as a scratch server. */
  static final ScratchServer SCRATCH = new ScratchServer() {
    @Override
    public Connection admin() throws SQLException {
      return DriverManager.getConnection(TestPostgres.url("postgres"));
    }

    @Override
    public Connection open(String database) throws SQLException {
      return DriverManager.getConnection(TestPostgres.url(database));
    }
  };

  @TempDir Path dir;
  Migrations m;
  Path schema;

  @BeforeEach
  void setUp() throws Exception {
    m = new Migrations(dir.resolve("migrations"));
    m.write(A, null, "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL);",
        "DROP TABLE public.listing;");
    schema = Files.createDirectories(dir.resolve("schema"));
  }

  private void declare(String file, String sql) throws Exception {
    Path p = schema.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, sql);
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = m.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private AutogenerateResult autogenerate(String... renames) {
    return m.retort().autogenerate(SCRATCH, schema, "listing prices", List.of(renames), true);
  }

  @Test
  void nothingToChangeWritesNothing() throws Exception {
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL);");

    AutogenerateResult r = autogenerate();

    assertThat(r.isEmpty()).isTrue();
    assertThat(r.files()).isEmpty();
    try (var files = Files.list(m.dir.resolve("versions"))) {
      assertThat(files.count()).isEqualTo(1);
    }
    assertThat(m.retort().diff(SCRATCH, SchemaSource.head(), SchemaSource.declared(schema)).isEmpty()).isTrue();
  }

  @Test
  void writesLockSafeRevisionsThatTakeADatabaseToTheDeclaredSchemaAndBack() throws Exception {
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL,"
        + " price numeric(10,2) NOT NULL DEFAULT 0);\n"
        + "CREATE INDEX listing_price_idx ON public.listing (price);\n"
        + "COMMENT ON COLUMN public.listing.price IS 'per night';");
    m.retort().upgrade("head");
    exec("INSERT INTO public.listing VALUES (1, 'sea view')");

    AutogenerateResult r = autogenerate();

    assertThat(r.files()).hasSize(2);
    String first = Files.readString(r.files().get(0));
    String second = Files.readString(r.files().get(1));
    assertThat(first).contains("-- down_revision: " + A, "-- autogenerate: part 1 of 2",
        "ALTER TABLE public.listing ADD COLUMN price numeric(10,2) DEFAULT 0 NOT NULL;",
        "COMMENT ON COLUMN public.listing.price IS 'per night';", "-- +downgrade",
        "ALTER TABLE public.listing DROP COLUMN price;");
    assertThat(second).contains("-- transactional: false", "-- autogenerate: part 2 of 2",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS listing_price_idx ON public.listing USING btree (price);",
        "DROP INDEX CONCURRENTLY IF EXISTS public.listing_price_idx;");

    MigrationResult up = m.retort().upgrade("head");
    assertThat(up.steps()).hasSize(2);
    assertThat(m.column("SELECT title || ' ' || price FROM public.listing")).containsExactly("sea view 0.00");
    assertThat(m.column("SELECT indexname FROM pg_indexes WHERE tablename = 'listing' ORDER BY 1"))
        .containsExactly("listing_pkey", "listing_price_idx");
    assertThat(autogenerate().isEmpty()).as("nothing left to change once applied").isTrue();

    m.retort().downgrade(A);
    assertThat(m.column("SELECT count(*) FROM information_schema.columns WHERE table_name = 'listing'"))
        .containsExactly("2");
  }

  @Test
  void aDroppedColumnIsAHazardWhoseDowngradeSaysItsDataIsNotRestored() throws Exception {
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY);");

    AutogenerateResult r = autogenerate();

    assertThat(r.warnings()).anyMatch(w -> w.startsWith("deletes-data: drop column public.listing.title"));
    String text = Files.readString(r.files().get(0));
    assertThat(text).contains("-- hazard deletes-data: drop column public.listing.title",
        "-- the downgrade adds public.listing.title again, filled with '': its values are not restored",
        "ALTER TABLE public.listing ADD COLUMN title text DEFAULT '' NOT NULL;");
  }

  @Test
  void aRenameHintKeepsTheRowsAndAHintThatMatchesNothingIsAnError() throws Exception {
    declare("listing.sql", "CREATE TABLE public.apartment (id int PRIMARY KEY, title text NOT NULL);");
    m.retort().upgrade("head");
    exec("INSERT INTO public.listing VALUES (7, 'old town')");

    assertThat(autogenerate().warnings()).anyMatch(w -> w.startsWith("possible rename: public.listing -> public.apartment"));
    for (var f : Files.list(m.dir.resolve("versions")).filter(f -> !f.getFileName().toString().startsWith(A)).toList()) {
      Files.delete(f);
    }
    assertThatThrownBy(() -> autogenerate("public.lisitng=public.apartment"))
        .isInstanceOfSatisfying(RetortException.class, e -> {
          assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
          assertThat(e.getMessage()).contains("nothing named public.lisitng at head");
        });

    AutogenerateResult r = autogenerate("public.listing=public.apartment");

    assertThat(Files.readString(r.files().get(0))).contains("ALTER TABLE public.listing RENAME TO apartment;",
        "ALTER TABLE public.apartment RENAME TO listing;");
    m.retort().upgrade("head");
    assertThat(m.column("SELECT id || ' ' || title FROM public.apartment")).containsExactly("7 old town");
  }

  @Test
  void aFailingDeclaredFileIsReportedWithItsLineAndNothingIsWritten() throws Exception {
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL);\n\n"
        + "CREATE TABLE public.broken (id int PRIMARY KEY,);\n");

    assertThatThrownBy(this::autogenerate).isInstanceOfSatisfying(RetortException.class, e -> {
      assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
      assertThat(e.file()).isEqualTo("schema/listing.sql");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.getMessage()).startsWith("schema/listing.sql:3: ERROR 42601: syntax error");
    });
    try (var files = Files.list(m.dir.resolve("versions"))) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void filesLoadInAnyOrderAndAnObjectNoFileCreatesIsNamed() throws Exception {
    declare("a_views.sql", "CREATE VIEW public.titles AS SELECT title FROM public.listing;");
    declare("b/listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL);");
    assertThat(m.retort().diff(SCRATCH, SchemaSource.head(), SchemaSource.declared(schema)).changes())
        .extracting(SchemaChange::object).containsExactly("public.titles");

    declare("c_more.sql", "CREATE VIEW public.more AS SELECT * FROM public.nowhere;");
    assertThatThrownBy(() -> m.retort().diff(SCRATCH, SchemaSource.head(), SchemaSource.declared(schema)))
        .isInstanceOfSatisfying(RetortException.class, e -> {
          assertThat(e.getMessage()).startsWith("schema/c_more.sql:1: ERROR 42P01: relation \"public.nowhere\" does not exist");
          assertThat(e.hint()).contains("may come in any order");
        });
  }

  @Test
  void kindsNotComparedYetAreNamedNotDropped() throws Exception {
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY, title text NOT NULL);\n"
        + "CREATE DOMAIN public.positive AS numeric CHECK (VALUE > 0);\n"
        + "CREATE CAST (text AS public.positive) WITH INOUT;");

    SchemaDiff diff = m.retort().diff(SCRATCH, SchemaSource.head(), SchemaSource.declared(schema));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.warnings()).contains("not compared yet: domain public.positive (only declared)",
        "not modelled yet, so not compared: cast text AS public.positive (declared)");
  }

  @Test
  void diffBetweenRevisionsAndAnUnknownRevision() throws Exception {
    m.write("bbbb00000002", A, "ALTER TABLE public.listing ADD COLUMN rooms int;",
        "ALTER TABLE public.listing DROP COLUMN rooms;");

    SchemaDiff diff = m.retort().diff(SCRATCH, SchemaSource.revision(A), SchemaSource.head());
    assertThat(diff.sql()).isEqualTo("ALTER TABLE public.listing ADD COLUMN rooms integer;\n\n");

    assertThatThrownBy(() -> m.retort().diff(SCRATCH, SchemaSource.revision("ffff"), SchemaSource.head()))
        .isInstanceOfSatisfying(RetortException.class, e -> {
          assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
          assertThat(e.getMessage()).contains("ffff");
        });
  }

  @Test
  void severalHeadsAreNamedWithTheWayOut() throws Exception {
    m.write("bbbb00000002", A, "SELECT 1;", "SELECT 1;");
    m.write("cccc00000003", A, "SELECT 2;", "SELECT 2;");
    declare("listing.sql", "CREATE TABLE public.listing (id int PRIMARY KEY);");

    assertThatThrownBy(this::autogenerate).isInstanceOfSatisfying(RetortException.class, e -> {
      assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
      assertThat(e.getMessage()).contains("several heads", "bbbb00000002", "cccc00000003");
      assertThat(e.hint()).contains("retort merge");
    });
  }
}
