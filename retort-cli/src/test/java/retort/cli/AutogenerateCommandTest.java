package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * {@code retort revision --autogenerate} and {@code retort diff} as a user runs them: the test server
 * as {@code scratch_url}, the declared schema in {@code schema/}, the files written and the exit codes.
 */
class AutogenerateCommandTest {

  static final String A = "aaaaaaaaaaa1";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.writeToml("script_location = \"migrations\"\nschema_location = \"schema\"\nscratch_url = \""
        + TestPostgres.url("postgres") + "\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n");
    p.migration(A, null, "listings", "CREATE TABLE public.listing (id bigint PRIMARY KEY, title text NOT NULL);",
        "DROP TABLE public.listing;");
  }

  private void declare(String name, String sql) throws IOException {
    Path file = tmp.resolve("schema").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, sql);
  }

  @Test
  void autogenerateWritesTheRevisionsThatUpgradeThenMakeTheDiffEmpty() throws IOException {
    declare("listing.sql", "CREATE TABLE public.listing (id bigint PRIMARY KEY, title text NOT NULL,\n"
        + "  rooms smallint NOT NULL DEFAULT 1);\nCREATE INDEX listing_rooms_idx ON public.listing (rooms);\n");
    List<String> before = p.versionFiles();

    CliRun diff = p.run("diff");
    assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(diff.out()).contains("ALTER TABLE public.listing ADD COLUMN rooms smallint DEFAULT 1 NOT NULL;",
        "-- part 2 of 2, not transactional");
    assertThat(diff.err()).contains("error: head and schema differ: 2 changes", "revision --autogenerate");

    CliRun json = p.run("diff", "--format", "json");
    assertThat(json.out()).startsWith("[\n").contains("\"object\": \"public.listing.rooms\"",
        "\"description\": \"create index concurrently\"");

    CliRun r = p.run("revision", "--autogenerate", "-m", "rooms");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> created = p.versionFiles().stream().filter(f -> !before.contains(f)).toList();
    assertThat(created).hasSize(2).allMatch(f -> f.matches("[0-9a-f]{12}_rooms\\.sql"));
    assertThat(r.out()).contains("Generated versions/" + created.get(0)).contains("Generated versions/" + created.get(1));

    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    assertThat(p.query("SELECT indexname FROM pg_indexes WHERE tablename = 'listing' ORDER BY 1"))
        .containsExactly("listing_pkey", "listing_rooms_idx");
    CliRun after = p.run("diff");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.err()).contains("No difference between head and schema");
    CliRun drift = p.run("diff", "--from", "env:dev");
    assertThat(drift.exitCode()).as(drift.toString()).isZero();

    CliRun again = p.run("revision", "--autogenerate", "-m", "again");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("No changes");
    assertThat(p.versionFiles()).hasSize(3);
  }

  @Test
  void aFailingSchemaFileIsAUsageErrorNamingItsLine() throws IOException {
    declare("listing.sql", "CREATE TABLE public.listing (id bigint PRIMARY KEY, title text NOT NULL);\n"
        + "CREATE INDEX ON public.listing (nonexistent);\n");

    CliRun r = p.run("revision", "--autogenerate", "-m", "broken");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("error: schema/listing.sql:2: ERROR 42703: column \"nonexistent\" does not exist");
    assertThat(p.versionFiles()).hasSize(1);
  }

  @Test
  void severalHeadsAreNamedAndMergeIsSuggested() throws IOException {
    p.migration("bbbbbbbbbbb2", A, "one", "SELECT 1;", "SELECT 1;");
    p.migration("ccccccccccc3", A, "two", "SELECT 2;", "SELECT 2;");
    declare("listing.sql", "CREATE TABLE public.listing (id bigint PRIMARY KEY);\n");

    CliRun r = p.run("revision", "--autogenerate", "-m", "x");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("bbbbbbbbbbb2", "ccccccccccc3", " merge heads");
  }
}
