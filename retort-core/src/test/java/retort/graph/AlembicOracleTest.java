package retort.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the fixtures that the real Alembic produced ({@code src/test/resources/alembic-oracle/*.txt},
 * written by {@code tools/alembic-oracle/generate.py}) through our graph and planner: one dynamic test
 * per fixture line: {@code upgrade}, {@code downgrade} and {@code stamp}.
 *
 * <p>State carries from line to line as in the fixture. After every line the rows are set to what
 * Alembic left in its table (or kept, when Alembic refused), so that one disagreement does not hide or
 * cause others further down.
 *
 * <p>Where Retort deliberately differs from Alembic the line is listed in {@link #KNOWN_DIFFERENCES}
 * with a one-line reason and the outcome Retort gives instead; a listed difference that no longer
 * matches its line is a failure, so the list cannot go stale silently.
 *
 * <p>Set the system property {@code retort.alembicOracle.dir} to replay a freshly generated
 * directory instead of the frozen fixtures.
 */
class AlembicOracleTest {

  // ---------------------------------------------------------------------------------------------
  // Deliberate differences from Alembic 1.8.1

  /** What Retort does instead of what Alembic did. */
  private record Outcome(List<String> rows, Class<? extends GraphException> error) {
    static Outcome rows(String... rows) {
      return new Outcome(List.of(rows), null);
    }

    static Outcome error(Class<? extends GraphException> error) {
      return new Outcome(null, error);
    }
  }

  /** One fixture line on which Retort deliberately disagrees with Alembic. */
  private record KnownDifference(String file, int line, String command, String reason, Outcome retort) {}

  private static final String REFUSE_AMBIGUOUS_DOWNGRADE =
      "Retort refuses `downgrade -1` when the database has several heads; Alembic warns and undoes an "
          + "arbitrary one of them";
  private static final String ALEMBIC_ASSERTION =
      "`label@-N` when no applied revision is on that branch: Alembic fails an internal assertion "
          + "(a bare AssertionError); Retort refuses with a clean error naming the branch";
  private static final String NO_ANCESTOR_ROWS =
      "undoing a depends_on, Alembic restores the dependency's row beside a row that already descends "
          + "from it (a beside b or x); Retort never writes an ancestor beside its descendant";
  private static final String NO_ANCESTOR_ROWS_MERGE =
      "undoing a merge whose parents are a revision and its ancestor, Alembic restores both rows "
          + "(b beside c); Retort never writes an ancestor beside its descendant, it keeps c";
  private static final String READS_ANCESTOR_ROWS =
      "the database holds an ancestor beside its descendant (the state Alembic wrote on the line "
          + "before); Alembic refuses to upgrade from it, Retort reads it as the ancestor closure and "
          + "upgrades";

  private static final String PREFIX_OF_FOUR =
      "Retort matches a partial id only from four characters on (the rule Alembic's own error message "
          + "states); Alembic also accepts a shorter prefix when it happens to be unique";

  private static final List<KnownDifference> KNOWN_DIFFERENCES = List.of(
      new KnownDifference("02_two_branches.txt", 29, "downgrade -1",
          REFUSE_AMBIGUOUS_DOWNGRADE, Outcome.error(GraphException.MultipleHeads.class)),
      new KnownDifference("12_relative_across_merge.txt", 18, "downgrade -1",
          REFUSE_AMBIGUOUS_DOWNGRADE, Outcome.error(GraphException.MultipleHeads.class)),
      new KnownDifference("06_branch_labels.txt", 22, "downgrade core@-1",
          ALEMBIC_ASSERTION, Outcome.error(GraphException.InvalidTarget.class)),
      new KnownDifference("16_labels_propagation.txt", 25, "downgrade left@-1",
          ALEMBIC_ASSERTION, Outcome.error(GraphException.InvalidTarget.class)),
      new KnownDifference("18_special_targets.txt", 33, "downgrade b1@-1",
          ALEMBIC_ASSERTION, Outcome.error(GraphException.InvalidTarget.class)),
      new KnownDifference("15_merge_with_ancestor_parent.txt", 22, "downgrade c",
          NO_ANCESTOR_ROWS_MERGE, Outcome.rows("c")),
      new KnownDifference("17_depends_chain_downgrade.txt", 17, "downgrade b",
          NO_ANCESTOR_ROWS, Outcome.rows("b")),
      new KnownDifference("17_depends_chain_downgrade.txt", 19, "upgrade heads",
          READS_ANCESTOR_ROWS, Outcome.rows("y")),
      new KnownDifference("17_depends_chain_downgrade.txt", 35, "downgrade -1",
          NO_ANCESTOR_ROWS, Outcome.rows("x")),
      new KnownDifference("13_id_prefixes.txt", 14, "upgrade abd",
          PREFIX_OF_FOUR, Outcome.error(GraphException.UnknownRevision.class)),
      new KnownDifference("13_id_prefixes.txt", 34, "stamp abd",
          PREFIX_OF_FOUR, Outcome.error(GraphException.UnknownRevision.class)),
      new KnownDifference("13_id_prefixes.txt", 47, "downgrade abd",
          PREFIX_OF_FOUR, Outcome.error(GraphException.UnknownRevision.class)));

  // ---------------------------------------------------------------------------------------------
  // The fixtures

  /** One {@code <command> <target> => <result>} line and the steps Alembic ran for it. */
  private record Command(
      int line, String verb, String target, List<String> rows, String error, List<String> ran) {

    boolean failed() {
      return error != null;
    }

    String display() {
      return "line " + line + ": " + verb + " " + target + " => "
          + (failed() ? "!error " + error : rows.isEmpty() ? "(empty)" : String.join(" ", rows));
    }
  }

  /** A parsed fixture file. */
  private record Fixture(
      String file, List<Revision> revisions, int headsLine, String heads, int basesLine, String bases,
      List<Command> commands) {}

  @TestFactory
  Stream<DynamicNode> replaysEveryAlembicFixtureLine() throws IOException, URISyntaxException {
    List<Path> files = fixtureFiles();
    assertThat(files).as("alembic-oracle fixtures").isNotEmpty();
    Set<String> loaded = files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    Set<KnownDifference> used = new HashSet<>();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      Fixture fixture = parse(file);
      nodes.add(DynamicContainer.dynamicContainer(fixture.file(), file.toUri(), replay(fixture, used)));
    }
    nodes.add(DynamicTest.dynamicTest("every listed difference from Alembic matched a fixture line", () -> {
      List<KnownDifference> stale = KNOWN_DIFFERENCES.stream()
          .filter(d -> loaded.contains(d.file()) && !used.contains(d))
          .toList();
      assertThat(stale).as("known differences that match no fixture line").isEmpty();
    }));
    return nodes.stream();
  }

  private static Stream<DynamicNode> replay(Fixture fixture, Set<KnownDifference> used) {
    List<DynamicNode> tests = new ArrayList<>();
    RevisionGraph[] graph = new RevisionGraph[1];
    List<String> rows = new ArrayList<>();
    String stem = fixture.file().replace(".txt", "") + " ";
    tests.add(DynamicTest.dynamicTest(stem + "line " + fixture.headsLine() + ": heads " + fixture.heads(), () -> {
      graph[0] = RevisionGraph.of(fixture.revisions());
      assertThat(sortedIds(graph[0].heads())).isEqualTo(fixture.heads());
    }));
    tests.add(DynamicTest.dynamicTest(stem + "line " + fixture.basesLine() + ": bases " + fixture.bases(), () -> {
      RevisionGraph g = graph[0] != null ? graph[0] : RevisionGraph.of(fixture.revisions());
      assertThat(sortedIds(g.bases())).isEqualTo(fixture.bases());
    }));
    for (Command command : fixture.commands()) {
      KnownDifference difference = KNOWN_DIFFERENCES.stream()
          .filter(d -> d.file().equals(fixture.file()) && d.line() == command.line())
          .findFirst()
          .orElse(null);
      String name = fixture.file().replace(".txt", "") + " " + command.display()
          + (difference == null ? "" : "  [known difference: " + difference.reason() + "]");
      tests.add(DynamicTest.dynamicTest(name, () -> {
        RevisionGraph g = graph[0] != null ? graph[0] : RevisionGraph.of(fixture.revisions());
        List<String> before = List.copyOf(rows);
        try {
          if (difference != null) {
            used.add(difference);
            assertThat(command.verb() + " " + command.target())
                .as("the known difference at %s:%d names its command", fixture.file(), command.line())
                .isEqualTo(difference.command());
            check(g, before, command, difference.retort(), command.ran(), false);
          } else {
            Outcome alembic = command.failed() ? Outcome.error(GraphException.class) : new Outcome(command.rows(), null);
            // A stamp runs nothing, so only its rows are compared.
            check(g, before, command, alembic, command.ran(), !command.verb().equals("stamp"));
          }
        } finally {
          if (!command.failed()) {
            rows.clear();
            rows.addAll(command.rows());
          }
        }
      }));
    }
    return tests.stream();
  }

  /** Runs the command through the planner and compares with the expected outcome. */
  private static void check(RevisionGraph graph, List<String> rows, Command command, Outcome expected,
      List<String> ran, boolean compareSteps) {
    Planner planner = new Planner(graph);
    Function<String, Plan> run = switch (command.verb()) {
      case "upgrade" -> t -> planner.upgrade(rows, t);
      case "downgrade" -> t -> planner.downgrade(rows, t);
      case "stamp" -> t -> planner.stamp(rows, t);
      default -> throw new IllegalStateException("unknown command " + command.verb());
    };
    if (expected.error() != null) {
      assertThatThrownBy(() -> run.apply(command.target()))
          .as("%s %s from rows %s", command.verb(), command.target(), rows)
          .isInstanceOf(expected.error());
      return;
    }
    Plan plan;
    try {
      plan = run.apply(command.target());
    } catch (GraphException e) {
      throw new AssertionError(command.verb() + " " + command.target() + " from rows " + rows
          + ": Alembic gave " + expected.rows() + " but Retort refused: " + e.getMessage(), e);
    }
    assertThat(sorted(plan.rowsAfter()))
        .as("rows after %s %s from %s; steps %s", command.verb(), command.target(), rows, stepIds(plan))
        .isEqualTo(expected.rows());
    if (!compareSteps) {
      return;
    }
    if (ran == null) {
      assertThat(stepIds(plan))
          .as("%s %s from %s: Alembic ran nothing", command.verb(), command.target(), rows)
          .isEmpty();
    } else {
      assertThat(new TreeSet<>(stepIds(plan)))
          .as("revisions run by %s %s from %s (Alembic ran %s)", command.verb(), command.target(), rows, ran)
          .isEqualTo(new TreeSet<>(ranRevisions(ran)));
    }
  }

  private static List<String> stepIds(Plan plan) {
    return plan.steps().stream().map(s -> s.revision().id()).toList();
  }

  /**
   * The revision each of Alembic's steps ran: {@code upgrade b, c -> m} runs m; {@code downgrade m ->
   * b, c} runs m.
   */
  private static List<String> ranRevisions(List<String> ran) {
    List<String> out = new ArrayList<>();
    for (String step : ran) {
      String[] verbAndRest = step.split(" ", 2);
      String[] sides = verbAndRest[1].split("->", -1);
      out.add((verbAndRest[0].equals("upgrade") ? sides[1] : sides[0]).strip());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the fixture format

  private static List<Path> fixtureFiles() throws IOException, URISyntaxException {
    String override = System.getProperty("retort.alembicOracle.dir");
    Path dir;
    if (override != null && !override.isBlank()) {
      dir = Path.of(override);
    } else {
      URL url = AlembicOracleTest.class.getResource("/alembic-oracle");
      assertThat(url).as("alembic-oracle fixtures on the test classpath").isNotNull();
      dir = Path.of(url.toURI());
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  private static Fixture parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Revision> revisions = new ArrayList<>();
    List<Command> commands = new ArrayList<>();
    String heads = null;
    String bases = null;
    int headsLine = 0;
    int basesLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("rev ")) {
        revisions.add(revision(line));
      } else if (line.startsWith("heads ") && !line.contains("=>")) {
        heads = line.substring("heads ".length());
        headsLine = number;
      } else if (line.startsWith("bases ") && !line.contains("=>")) {
        bases = line.substring("bases ".length());
        basesLine = number;
      } else {
        int arrow = line.indexOf(" => ");
        if (arrow < 0) {
          throw new IllegalStateException(file.getFileName() + ":" + number + ": cannot read '" + line + "'");
        }
        String[] verbAndTarget = line.substring(0, arrow).split(" ", 2);
        String result = line.substring(arrow + " => ".length()).strip();
        List<String> ran = null;
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("#   "); j++) {
          String comment = lines.get(j).substring("#   ".length());
          if (comment.startsWith("ran: ")) {
            ran = Arrays.stream(comment.substring("ran: ".length()).split(";")).map(String::strip).toList();
          }
        }
        if (result.startsWith("!error")) {
          commands.add(new Command(number, verbAndTarget[0], verbAndTarget[1], null,
              result.substring("!error".length()).strip(), ran));
        } else {
          List<String> rows = result.equals("(empty)") ? List.of() : List.of(result.split(" "));
          commands.add(new Command(number, verbAndTarget[0], verbAndTarget[1], rows, null, ran));
        }
      }
    }
    return new Fixture(file.getFileName().toString(), revisions, headsLine, heads, basesLine, bases, commands);
  }

  /** {@code rev <id> down=<none|id,id> [labels=<l,l>] [depends=<id,id>]}. */
  private static Revision revision(String line) {
    String[] parts = line.split(" ");
    String id = parts[1];
    Map<String, List<String>> fields = new java.util.HashMap<>();
    for (int i = 2; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      fields.put(kv[0], kv[1].equals("none") ? List.of() : List.of(kv[1].split(",")));
    }
    return new Revision(id, fields.getOrDefault("down", List.of()), fields.getOrDefault("depends", List.of()),
        new LinkedHashSet<>(fields.getOrDefault("labels", List.of())), "v_" + id + ".py");
  }

  private static String sortedIds(List<Revision> revisions) {
    return revisions.stream().map(Revision::id).sorted().collect(Collectors.joining(" "));
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }
}
