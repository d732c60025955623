package retort.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a new migration file from the environment's template ({@code script.sql.tmpl}, or the
 * built-in one when the environment has none). Placeholders are {@code ${revision}},
 * {@code ${down_revision}}, {@code ${message}}, {@code ${created}}, {@code ${branch_labels}} and
 * {@code ${depends_on}}; a header line whose optional placeholder is empty is left out.
 */
public final class RevisionWriter {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)\\}");

  private RevisionWriter() {}

  /** A new random revision id: 12 lowercase hex digits. */
  public static String newId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The built-in template, also written by {@code retort init}. */
  public static String defaultTemplate() throws IOException {
    try (InputStream in = RevisionWriter.class.getResourceAsStream("script.sql.tmpl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Renders the template and writes {@code versions/<id>_<slug>.sql}; returns the file. */
  public static Path write(
      Path location, String id, List<String> downRevisions, String message, String created,
      List<String> branchLabels, List<String> dependsOn) throws IOException {
    Path templateFile = location.resolve(ScriptDirectory.TEMPLATE);
    String template = Files.exists(templateFile) ? Files.readString(templateFile) : defaultTemplate();
    Map<String, String> values = Map.of(
        "revision", id,
        "down_revision", downRevisions.isEmpty() ? "none" : String.join(", ", downRevisions),
        "message", message.replace('\n', ' ').replace('\r', ' '),
        "created", created,
        "branch_labels", String.join(", ", branchLabels),
        "depends_on", String.join(", ", dependsOn));
    String text = render(template, values);
    Path file = location.resolve(ScriptDirectory.VERSIONS).resolve(id + "_" + slug(message) + ".sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
    return file;
  }

  /** Writes a revision's whole text as {@code versions/<id>_<slug>.sql}; returns the file. */
  public static Path writeText(Path location, String id, String message, String text) throws IOException {
    Path file = location.resolve(ScriptDirectory.VERSIONS).resolve(id + "_" + slug(message) + ".sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
    return file;
  }

  static String render(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    for (String line : template.split("\n", -1)) {
      boolean emptyOptional = false;
      for (String optional : List.of("branch_labels", "depends_on")) {
        if (line.contains("${" + optional + "}") && values.get(optional).isEmpty()) {
          emptyOptional = true;
        }
      }
      if (emptyOptional) {
        continue;
      }
      // One pass, so that a value holding "${...}" (a message, say) is written as it is.
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder rendered = new StringBuilder(line.length() + 16);
      while (m.find()) {
        m.appendReplacement(rendered, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
      }
      m.appendTail(rendered);
      out.append(rendered).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * The message as a file-name slug, as Alembic makes it: its words (runs of Unicode letters, digits
   * and underscores) joined by underscores and lowercased, cut after 40 characters at the last
   * underscore, which stays; {@code revision} when the message has no word.
   */
  static String slug(String message) {
    StringBuilder words = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < message.length(); ) {
      int c = message.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean word = c == '_' || Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER
          || type == Character.OTHER_NUMBER;
      if (word && !inWord && words.length() > 0) {
        words.append('_');
      }
      if (word) {
        words.appendCodePoint(c);
      }
      inWord = word;
    }
    String slug = words.toString().toLowerCase(Locale.ROOT);
    if (slug.codePointCount(0, slug.length()) > 40) {
      String cut = slug.substring(0, slug.offsetByCodePoints(0, 40));
      int underscore = cut.lastIndexOf('_');
      slug = (underscore < 0 ? cut : cut.substring(0, underscore)) + "_";
    }
    return slug.isEmpty() ? "revision" : slug;
  }
}
