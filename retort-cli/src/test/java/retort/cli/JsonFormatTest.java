package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static retort.cli.Issue5CommandsTest.A;
import static retort.cli.Issue5CommandsTest.B;
import static retort.cli.Issue5CommandsTest.C;
import static retort.cli.Issue5CommandsTest.D;
import static retort.cli.Issue5CommandsTest.E;
import static retort.cli.Issue5CommandsTest.G;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.RevisionInfo;

/** {@code --format json}: the writer's escaping, exact small documents, and each command's output parsed back. */
class JsonFormatTest {

  static final List<String> KEYS = List.of("revision", "down_revisions", "depends_on", "branch_labels", "message",
      "file", "created", "is_head", "is_branch_point", "is_merge_point", "is_current");

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    Issue5CommandsTest.copyGraph(p);
  }

  // ---- the writer

  @Test
  void stringsAreEscapedAsJsonRequires() {
    assertThat(JsonOutput.string("plain")).isEqualTo("\"plain\"");
    assertThat(JsonOutput.string("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(JsonOutput.string("C:\\dir\\")).isEqualTo("\"C:\\\\dir\\\\\"");
    assertThat(JsonOutput.string("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
    assertThat(JsonOutput.string("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
    assertThat(JsonOutput.string("/ stays")).isEqualTo("\"/ stays\"");
    assertThat(JsonOutput.string(null)).isEqualTo("null");
    assertThat(JsonOutput.string("")).isEqualTo("\"\"");
  }

  @Test
  void nonAsciiIsKeptAsIsAndAnUnpairedSurrogateIsEscaped() {
    assertThat(JsonOutput.string("Красная Поляна")).isEqualTo("\"Красная Поляна\"");
    assertThat(JsonOutput.string("sea 🌊 view")).isEqualTo("\"sea 🌊 view\"");
    assertThat(JsonOutput.string("bad \ud800 half")).isEqualTo("\"bad \\ud800 half\"");
    assertThat(JsonOutput.string("\u2028")).isEqualTo("\"\u2028\"");
  }

  @Test
  void everyEscapedStringParsesBackToItself() {
    for (String s : List.of("", "x", "\"\\/", "tab\there", "Сочи; \"квартира\"\n", "\u0000\u0010\u001f", "🌊")) {
      assertThat(new MiniJson(JsonOutput.string(s)).parse()).isEqualTo(s);
    }
  }

  @Test
  void anExactDocument() {
    RevisionInfo r = new RevisionInfo("e5", List.of("d4", "c3"), List.of("b2"), Set.of("zeta", "alpha"),
        "merge \"both\"", "versions/e5_merge.sql", "2026-01-05T10:00:00Z", true, false, true, true);
    RevisionInfo noDate = new RevisionInfo("a1", List.of(), List.of(), Set.of(), "base", "versions/a1.sql", "",
        false, true, false, false);

    assertThat(JsonOutput.revisions(List.of(r, noDate), true)).isEqualTo("[\n"
        + "  {\"revision\": \"e5\", \"down_revisions\": [\"d4\", \"c3\"], \"depends_on\": [\"b2\"], "
        + "\"branch_labels\": [\"alpha\", \"zeta\"], \"message\": \"merge \\\"both\\\"\", "
        + "\"file\": \"versions/e5_merge.sql\", \"created\": \"2026-01-05T10:00:00Z\", \"is_head\": true, "
        + "\"is_branch_point\": false, \"is_merge_point\": true, \"is_current\": true},\n"
        + "  {\"revision\": \"a1\", \"down_revisions\": [], \"depends_on\": [], \"branch_labels\": [], "
        + "\"message\": \"base\", \"file\": \"versions/a1.sql\", \"created\": null, \"is_head\": false, "
        + "\"is_branch_point\": true, \"is_merge_point\": false, \"is_current\": false}\n"
        + "]\n");
    assertThat(JsonOutput.revisions(List.of(), true)).isEqualTo("[]\n");
    assertThat(JsonOutput.revisions(List.of(noDate), false)).contains("\"is_current\": null}");
  }

  @Test
  void printedAsUtf8WhateverTheStreamsEncoding() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream latin = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);

    JsonOutput.print(latin, "[\"Сочи\"]\n");

    assertThat(bytes.toByteArray()).isEqualTo("[\"Сочи\"]\n".getBytes(StandardCharsets.UTF_8));
  }

  // ---- the commands

  private List<Map<String, Object>> json(String... args) {
    CliRun r = p.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Object doc = new MiniJson(r.out()).parse();
    assertThat(doc).isInstanceOf(List.class);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) doc) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      assertThat(new ArrayList<>(m.keySet()).subList(0, KEYS.size())).as("keys in order").isEqualTo(KEYS);
      out.add(m);
    }
    return out;
  }

  private static List<Object> ids(List<Map<String, Object>> doc) {
    return doc.stream().map(m -> m.get("revision")).toList();
  }

  @Test
  void heads() {
    List<Map<String, Object>> doc = json("heads", "--format", "json");

    assertThat(doc).singleElement().satisfies(m -> {
      assertThat(m.get("revision")).isEqualTo(G);
      assertThat(m.get("down_revisions")).isEqualTo(List.of("f6f6f6f6f6f6"));
      assertThat(m.get("is_head")).isEqualTo(true);
      assertThat(m.get("is_current")).isNull(); // heads does not read the database
      assertThat(m.get("file")).isEqualTo("versions/7a7a7a7a7a7a_reviews.sql");
      assertThat(m.get("created")).isEqualTo("2026-01-07T10:00:00Z");
    });
  }

  @Test
  void currentOnBaseIsAnEmptyArrayThenTheTwoTips() {
    CliRun empty = p.run("current", "--format", "json");
    assertThat(empty.exitCode()).as(empty.toString()).isZero();
    assertThat(empty.out()).isEqualTo("[]\n");

    assertThat(p.run("upgrade", D).exitCode()).isZero();
    assertThat(p.run("upgrade", "billing").exitCode()).isZero();
    List<Map<String, Object>> doc = json("current", "--format", "json");

    assertThat(ids(doc)).containsExactlyInAnyOrder(C, D);
    assertThat(doc).allSatisfy(m -> assertThat(m.get("is_current")).isEqualTo(true));
    assertThat(doc).filteredOn(m -> m.get("revision").equals(C)).singleElement()
        .satisfies(m -> assertThat(m.get("branch_labels")).isEqualTo(List.of("billing")));
  }

  @Test
  void branchesWithTheirNextRevisions() {
    List<Map<String, Object>> doc = json("branches", "--format", "json");

    assertThat(doc).singleElement().satisfies(m -> {
      assertThat(m.get("revision")).isEqualTo(A);
      assertThat(m.get("is_branch_point")).isEqualTo(true);
      assertThat(m.get("down_revisions")).isEqualTo(List.of());
      @SuppressWarnings("unchecked")
      List<Object> next = (List<Object>) m.get("next_revisions");
      assertThat(next).containsExactlyInAnyOrder(B, C);
    });
  }

  @Test
  void historyNewestFirstWithTheCurrentMarked() {
    assertThat(p.run("upgrade", E).exitCode()).isZero();

    List<Map<String, Object>> doc = json("history", "--format", "json");

    assertThat(doc).hasSize(7);
    assertThat(doc.get(0).get("revision")).isEqualTo(G);
    assertThat(doc.get(6).get("revision")).isEqualTo(A);
    assertThat(doc).filteredOn(m -> Boolean.TRUE.equals(m.get("is_current"))).extracting(m -> m.get("revision"))
        .containsExactly(E);
    assertThat(doc).filteredOn(m -> m.get("revision").equals(E)).singleElement().satisfies(m -> {
      assertThat(m.get("is_merge_point")).isEqualTo(true);
      assertThat(m.get("down_revisions")).isEqualTo(List.of(D, C));
    });

    List<Map<String, Object>> offline = json("history", "--format", "json", "--offline", "-r", "billing:" + E);
    assertThat(ids(offline)).containsExactly(E, C);
    assertThat(offline).allSatisfy(m -> assertThat(m.get("is_current")).isNull());
  }

  @Test
  void showWithAwkwardCharactersInTheMessageRoundTrips() {
    String message = "Сочи: \"квартиры\" \\ backslash, tab\there";
    p.file("0c0c0c0c0c0c_awkward.sql", "-- revision: 0c0c0c0c0c0c\n-- down_revision: " + G + "\n"
        + "-- message: " + message + "\n-- depends_on: " + B + "\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 1;\n");

    List<Map<String, Object>> doc = json("show", "0c0c", "--format", "json");

    assertThat(doc).singleElement().satisfies(m -> {
      assertThat(m.get("message")).isEqualTo(message);
      assertThat(m.get("depends_on")).isEqualTo(List.of(B));
      assertThat(m.get("created")).isNull();
      assertThat(m.get("is_head")).isEqualTo(true);
    });
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun r = p.run("heads", "--format", "yaml");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("yaml");
  }

  /** A strict little JSON parser, enough to read the documents back: fails on anything malformed. */
  static final class MiniJson {
    private final String s;
    private int i;

    MiniJson(String s) {
      this.s = s;
    }

    Object parse() {
      Object v = value();
      ws();
      if (i != s.length()) {
        throw new IllegalArgumentException("trailing text at " + i);
      }
      return v;
    }

    private void ws() {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }

    private Object value() {
      ws();
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          ws();
          String key = string();
          ws();
          expect(':');
          if (m.put(key, value()) != null) {
            throw new IllegalArgumentException("duplicate key " + key);
          }
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect('}');
            return m;
          }
        }
      }
      if (c == '[') {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect(']');
            return l;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      for (String word : List.of("true", "false", "null")) {
        if (s.startsWith(word, i)) {
          i += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i + ", got '" + s.charAt(i) + "'");
      }
      i++;
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("raw control character at " + (i - 1));
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape \\" + e + " at " + (i - 1));
        }
      }
    }
  }
}
