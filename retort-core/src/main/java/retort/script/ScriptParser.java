package retort.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import retort.graph.Revision;
import java.util.Optional;
import retort.sql.Chunk;
import retort.sql.Commands;
import retort.sql.Directive;
import retort.sql.Lexer;
import retort.sql.SqlSyntaxException;
import retort.sql.Statement;

/**
 * Reads one migration file: the {@code -- key: value} header, then the {@code -- +upgrade} section
 * and the optional {@code -- +downgrade} section, each split into statements by the lexer.
 */
final class ScriptParser {

  static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
  private static final Pattern HEADER = Pattern.compile("--\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(.*?)\\s*");
  private static final Pattern DIRECTIVE_LINE = Pattern.compile("\\s*--\\s*\\+.*");
  private static final Set<String> KEYS =
      Set.of("revision", "down_revision", "message", "created", "branch_labels", "depends_on", "transactional",
          "autogenerate", "replaces");

  private final String name;
  private final String text;
  private final String[] lines;

  ScriptParser(String name, String text) {
    this.name = name;
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.lines = this.text.indexOf('\r') < 0 ? this.text.split("\n", -1) : this.text.split("\r?\n", -1);
  }

  Script parse() throws ScriptException {
    Map<String, String> header = new LinkedHashMap<>();
    Map<String, Integer> headerLine = new LinkedHashMap<>();
    int end = readHeader(header, headerLine);
    if (!header.containsKey("revision") && end > 0) {
      for (int i = end; i < lines.length; i++) {
        Matcher m = HEADER.matcher(lines[i].strip());
        if (m.matches() && m.group(1).equalsIgnoreCase("revision")) {
          throw error(end, "SQL before the header: its `-- revision:` is on line " + (i + 1) + ", below this line",
              "move the header (the `-- key: value` lines) to the top of the file, above any SQL");
        }
      }
    }
    String id = required(header, headerLine, "revision");
    if (!REVISION_ID.matcher(id).matches()) {
      throw error(headerLine.get("revision"), "revision '" + id + "' is not a valid revision id",
          "use 1 to 32 letters, digits or underscores; `retort revision` makes 12 hex digits");
    }
    List<String> down = idList(required(header, headerLine, "down_revision"), headerLine.get("down_revision"), true);
    List<String> depends = idList(header.getOrDefault("depends_on", ""), headerLine.getOrDefault("depends_on", 0), false);
    List<String> labels = idList(header.getOrDefault("branch_labels", ""), headerLine.getOrDefault("branch_labels", 0), false);
    boolean transactional = flag(header, headerLine);
    List<String> replaces = idList(header.getOrDefault("replaces", ""), headerLine.getOrDefault("replaces", 0), false);
    if (replaces.contains(id) || !java.util.Collections.disjoint(replaces, down)) {
      throw error(headerLine.get("replaces"), "a squash replaces the revisions of its range, not itself nor its parents",
          "list the replaced revisions, the range's last one last; `retort squash` writes this line");
    }

    List<Chunk> chunks;
    try {
      chunks = Lexer.chunks(text);
    } catch (SqlSyntaxException e) {
      throw error(e.line(), e.getMessage(), "close it, or check the quotes and comments above this line");
    }
    Sections sections = sections(chunks);
    for (Section section : List.of(sections.upgrade, sections.downgrade)) {
      checkStatements(section.statements(), transactional);
    }
    Revision revision = new Revision(id, down, depends, Set.copyOf(labels), name, replaces);
    return new Script(
        revision,
        name,
        header.getOrDefault("message", ""),
        header.getOrDefault("created", ""),
        transactional,
        sections.upgrade,
        sections.downgrade,
        Checksum.of(sections.upgradeText, sections.downgradeText));
  }

  /** Reads the header; returns the line of the SQL that ends it, or 0 when a section or the end of the file does. */
  private int readHeader(Map<String, String> header, Map<String, Integer> headerLine) throws ScriptException {
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith("--") || DIRECTIVE_LINE.matcher(line).matches()) {
        return line.startsWith("--") ? 0 : i + 1;
      }
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw error(i + 1, "unknown header key '" + m.group(1) + "'",
            "the header keys are " + String.join(", ", sorted(KEYS))
                + "; a free comment must not start with a word and a colon");
      }
      if (header.containsKey(key)) {
        throw error(i + 1, "header key '" + key + "' appears twice (first on line " + headerLine.get(key) + ")",
            "keep one of them");
      }
      header.put(key, m.group(2));
      headerLine.put(key, i + 1);
    }
    return 0;
  }

  private static List<String> sorted(Set<String> keys) {
    List<String> out = new ArrayList<>(keys);
    out.sort(null);
    return out;
  }

  private String required(Map<String, String> header, Map<String, Integer> headerLine, String key)
      throws ScriptException {
    String value = header.get(key);
    if (value == null || value.isEmpty()) {
      throw error(headerLine.getOrDefault(key, 1), "the header has no '" + key + "'",
          "start the file with `-- " + key + ": " + (key.equals("revision") ? "<12 hex digits>" : "<revision id, or none>")
              + "` before `-- +upgrade`");
    }
    return value;
  }

  private List<String> idList(String value, int line, boolean noneAllowed) throws ScriptException {
    String v = value.strip();
    if (v.isEmpty() || (noneAllowed && v.equalsIgnoreCase("none"))) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String id = part.strip();
      if (!REVISION_ID.matcher(id).matches()) {
        throw error(line, "'" + id + "' is not a valid revision id or label",
            "write ids separated by commas" + (noneAllowed ? ", or `none` for a base revision" : ""));
      }
      if (out.contains(id)) {
        throw error(line, "'" + id + "' is listed twice", "list each revision once");
      }
      out.add(id);
    }
    return out;
  }

  private boolean flag(Map<String, String> header, Map<String, Integer> headerLine) throws ScriptException {
    String value = header.getOrDefault("transactional", "true").strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "true":
      case "yes":
        return true;
      case "false":
      case "no":
        return false;
      default:
        throw error(headerLine.get("transactional"), "transactional must be true or false, not '" + value + "'",
            "write `-- transactional: false` for statements that cannot run in a transaction");
    }
  }

  private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
      "(?is)(BEGIN|START\\s+TRANSACTION)(\\s.*)?"
          + "|(COMMIT|END|ROLLBACK|ABORT)(\\s+(WORK|TRANSACTION))?(\\s+AND\\s+(NO\\s+)?CHAIN)?\\s*");

  /**
   * Statements Retort cannot run as written: psql meta-commands, and transaction control inside a
   * migration that Retort already wraps in its own transaction (a COMMIT there would commit half a
   * migration without its version row).
   */
  private void checkStatements(List<Statement> statements, boolean transactional) throws ScriptException {
    for (Statement st : statements) {
      if (st.sql().startsWith("\\")) {
        throw error(st.line(), "psql meta-command `" + st.sql().split("\\s", 2)[0] + "` in a migration",
            "a migration is plain SQL run over a database connection; write the SQL the meta-command stands for");
      }
      if (Commands.copyToStdout(st.sql())) {
        throw error(st.line(), "COPY ... TO STDOUT in a migration: nothing reads its rows",
            "a migration changes the database; to export rows, run the COPY with psql outside Retort");
      }
      if (transactional) {
        Optional<String> command = Commands.outsideTransactionOnly(st.sql());
        if (command.isPresent()) {
          throw error(st.line(), command.get() + " cannot run inside a transaction block, and this migration runs in one",
              "add `-- transactional: false` to the header, and keep in this migration only statements that may run"
                  + " one by one outside a transaction (a failure part way leaves the statements before it applied)");
        }
      }
      if (transactional && TRANSACTION_CONTROL.matcher(st.sql()).matches()) {
        throw error(st.line(), "`" + st.sql() + "` in a transactional migration",
            "remove it: Retort runs each migration in its own transaction with its version row;"
                + " to manage transactions yourself, add `-- transactional: false` to the header");
      }
    }
  }

  private static final class Sections {
    Section upgrade;
    Section downgrade = Section.missing();
    String upgradeText = "";
    String downgradeText = "";
  }

  private Sections sections(List<Chunk> chunks) throws ScriptException {
    Sections out = new Sections();
    String current = null;
    int sectionStart = 0;
    List<Statement> statements = new ArrayList<>();
    for (Chunk chunk : chunks) {
      if (chunk instanceof Directive d) {
        if (current != null) {
          close(out, current, sectionStart, d.line() - 1, statements);
        }
        if (!d.name().equals("upgrade") && !d.name().equals("downgrade")) {
          throw error(d.line(), "unknown section '-- +" + d.name() + "'",
              "a migration has `-- +upgrade` and then `-- +downgrade`");
        }
        if (current == null && d.name().equals("downgrade")) {
          throw error(d.line(), "`-- +downgrade` comes before `-- +upgrade`", "put the upgrade section first");
        }
        if (d.name().equals(current) || (current != null && current.equals("downgrade"))) {
          throw error(d.line(), "a second `-- +" + d.name() + "` section", "each section appears once");
        }
        current = d.name();
        sectionStart = d.line();
        statements = new ArrayList<>();
      } else if (current == null) {
        throw error(chunk.line(), "SQL before the `-- +upgrade` line",
            "put statements under `-- +upgrade` or `-- +downgrade`");
      } else {
        statements.add((Statement) chunk);
      }
    }
    if (current == null) {
      throw error(0, "no `-- +upgrade` section", "add a line `-- +upgrade` before the upgrade statements");
    }
    close(out, current, sectionStart, lines.length, statements);
    return out;
  }

  private void close(Sections out, String section, int directiveLine, int lastLine, List<Statement> statements) {
    String body = String.join("\n", Arrays.asList(lines).subList(Math.min(directiveLine, lines.length), lastLine));
    if (section.equals("upgrade")) {
      out.upgrade = new Section(true, statements);
      out.upgradeText = body;
    } else {
      out.downgrade = new Section(true, statements);
      out.downgradeText = body;
    }
  }

  private ScriptException error(int line, String message, String hint) {
    return new ScriptException(name, line, message, hint);
  }
}
