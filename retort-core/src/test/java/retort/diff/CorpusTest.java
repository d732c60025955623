package retort.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.db.CatalogSnapshot;
import retort.scratch.Head;
import retort.scratch.Part;
import retort.scratch.Scratchpad;
import retort.sql.Lexer;

/**
 * The scenario corpus: each directory under {@code diff-corpus/} holds {@code a.sql} and
 * {@code b.sql} (and optionally {@code budget.txt}: lines {@code require: WHAT} or
 * {@code forbid: WHAT}, matched against the a→b plan's step descriptions). Each case runs in both
 * directions, on one database loaded from each file: the plan is made, proven on the scratch server, then applied to a fresh copy of the
 * first schema and checked against the second through {@link CatalogSnapshot}, a reading of the
 * catalog independent of the model; its downgrade must bring the first schema back. A second plan
 * must be the same text (byte-stable), and a schema compared with itself gives no plan.
 */
class CorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/diff-corpus");

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      dirs.filter(Files::isDirectory).sorted().forEach(cases::add);
    }
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      String a = Corpus.database("corpus_a_", Files.readString(dir.resolve("a.sql")));
      String b = Corpus.database("corpus_b_", Files.readString(dir.resolve("b.sql")));
      try {
        run(dir, a, "a.sql", b, "b.sql", true);
        run(dir, b, "b.sql", a, "a.sql", false);
      } finally {
        Corpus.drop(a);
        Corpus.drop(b);
      }
    }));
  }

  /**
   * One direction: {@code head} (a database loaded from {@code fromFile}) to the schema of
   * {@code toFile}, loaded as a declared schema; {@code target} is a database loaded from it, the
   * oracle's side. Both databases are as they were afterwards.
   */
  private static void run(Path dir, String head, String fromFile, String target, String toFile, boolean forward)
      throws Exception {
    Path declared = Files.createTempDirectory("retort-corpus");
    Files.writeString(declared.resolve("schema.sql"), Files.readString(dir.resolve(toFile)));
    try (Scratchpad pad = Scratchpad.open(TestCluster.INSTANCE)) {
      Catalog headCatalog;
      try (Connection c = TestCluster.INSTANCE.open(head)) {
        headCatalog = CatalogReader.read(c);
      }
      Head h = new Head(head, headCatalog, Set.of());
      Head d = pad.declared(declared);
      Scratchpad.Sides sides = Scratchpad.sides(h, d);
      Plan plan = Differ.diff(sides.from(), sides.to(), Options.defaults());
      assertThat(plan.isEmpty()).as("a plan from %s to %s", fromFile, toFile).isFalse();
      assertThat(texts(Differ.diff(sides.from(), sides.to(), Options.defaults()))).as("byte-stable")
          .isEqualTo(texts(plan));
      assertThat(Differ.diff(sides.from(), sides.from(), Options.defaults()).isEmpty()).as("head against itself")
          .isTrue();
      if (forward) {
        Corpus.checkBudget(dir, plan);
      }
      List<Part> parts = new ArrayList<>();
      for (int i = 0; i < plan.segments().size(); i++) {
        Segment s = plan.segments().get(i);
        parts.add(new Part("part " + (i + 1), s.transactional(), RevisionText.upgrade(s), RevisionText.downgrade(s)));
      }
      pad.prove(sides, plan, parts);

      try (Connection c = TestCluster.INSTANCE.open(head); Connection t = TestCluster.INSTANCE.open(target)) {
        Set<String> schemas = Corpus.schemas(c, t);
        Set<String> before = Corpus.snapshot(c, schemas);
        for (Part p : parts) {
          Corpus.apply(c, p.upgrade(), p.transactional());
        }
        assertThat(Corpus.diff(Corpus.snapshot(c, schemas), Corpus.snapshot(t, schemas)))
            .as("upgraded %s against %s", fromFile, toFile).isEmpty();
        for (int i = parts.size() - 1; i >= 0; i--) {
          Corpus.apply(c, parts.get(i).downgrade(), parts.get(i).transactional());
        }
        assertThat(Corpus.diff(Corpus.snapshot(c, schemas), before)).as("downgraded back to %s", fromFile).isEmpty();
      }
    }
  }

  private static List<String> texts(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Segment s : plan.segments()) {
      out.add(RevisionText.upgrade(s) + "\n--\n" + RevisionText.downgrade(s));
    }
    return out;
  }

  /** The corpus's database work, kept apart from the test's steps. */
  static final class Corpus {

    private static int counter;

    static synchronized String database(String prefix, String sql) throws Exception {
      String name = prefix + ProcessHandle.current().pid() + "_" + ++counter;
      try (Connection admin = TestCluster.INSTANCE.admin(); Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
      }
      try (Connection c = TestCluster.INSTANCE.open(name)) {
        apply(c, sql, true);
      }
      return name;
    }

    static void drop(String name) throws SQLException {
      try (Connection admin = TestCluster.INSTANCE.admin(); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }

    static void apply(Connection c, String sql, boolean transactional) throws Exception {
      c.setAutoCommit(!transactional);
      try (Statement s = c.createStatement()) {
        s.setEscapeProcessing(false);
        for (retort.sql.Statement st : Lexer.statements(sql, 1)) {
          s.execute(st.sql());
        }
      }
      if (transactional) {
        c.commit();
      }
      c.setAutoCommit(true);
    }

    static Set<String> schemas(Connection... cs) throws SQLException {
      Set<String> out = new TreeSet<>();
      for (Connection c : cs) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'")) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    }

    /**
     * The catalog as text lines, column positions left out (column order is not compared) and storage
     * parameters sorted.
     */
    static Set<String> snapshot(Connection c, Set<String> schemas) throws SQLException {
      Set<String> out = new TreeSet<>();
      for (String line : CatalogSnapshot.take(c, schemas).lines()) {
        out.add(sortedOptions(line.replaceAll(" position=\\d+", "")));
      }
      return out;
    }

    /** Storage parameters in name order: their order in the catalog means nothing. */
    static String sortedOptions(String line) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(" options=(\\S+)").matcher(line);
      if (!m.find()) {
        return line;
      }
      String[] items = m.group(1).split(",");
      java.util.Arrays.sort(items);
      return line.substring(0, m.start(1)) + String.join(",", items) + line.substring(m.end(1));
    }

    /** The lines only one side has: {@code - line} for the first, {@code + line} for the second. */
    static List<String> diff(Set<String> a, Set<String> b) {
      List<String> out = new ArrayList<>();
      for (String l : a) {
        if (!b.contains(l)) {
          out.add("- " + l);
        }
      }
      for (String l : b) {
        if (!a.contains(l)) {
          out.add("+ " + l);
        }
      }
      return out;
    }

    static void checkBudget(Path dir, Plan plan) throws IOException {
      Path budget = dir.resolve("budget.txt");
      if (!Files.exists(budget)) {
        return;
      }
      List<String> whats = new ArrayList<>();
      for (Step s : plan.steps()) {
        whats.add(s.what());
      }
      for (String line : Files.readAllLines(budget)) {
        if (line.startsWith("require:")) {
          assertThat(whats).as("the plan's steps").contains(line.substring("require:".length()).strip());
        } else if (line.startsWith("forbid:")) {
          assertThat(whats).as("the plan's steps").doesNotContain(line.substring("forbid:".length()).strip());
        }
      }
    }
  }
}
