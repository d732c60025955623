package retort.scratch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import retort.sql.Chunk;
import retort.sql.Lexer;
import retort.sql.SqlSyntaxException;
import retort.sql.Statement;

/**
 * The files of a declared schema: every {@code .sql} file under a folder (subfolders too), in path
 * order, each split into statements by Retort's lexer so that each keeps its line.
 */
final class SchemaFiles {

  /** One file: its name for messages ({@code schema/apartments.sql}) and its statements. */
  record SchemaFile(String name, List<Statement> statements) {}

  private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
      "(?is)(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)(\\s+(WORK|TRANSACTION))?\\s*");

  private SchemaFiles() {}

  static List<SchemaFile> read(Path dir) throws DeclaredException {
    String root = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    if (!Files.isDirectory(dir)) {
      throw new DeclaredException(root, 0, "no such folder: " + dir,
          "create it and declare the schema there, or set schema_location in retort.toml");
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql")).forEach(paths::add);
    } catch (IOException e) {
      throw new DeclaredException(root, 0, "cannot read " + dir + ": " + e.getMessage(), "check the folder's permissions");
    }
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(dir.relativize(p).toString().replace('\\', '/'));
    }
    names.sort(null);
    List<SchemaFile> out = new ArrayList<>();
    for (String relative : names) {
      String name = root + "/" + relative;
      String text;
      try {
        text = Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new DeclaredException(name, 0, "cannot read: " + e.getMessage(), "check the file");
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      List<Statement> statements = new ArrayList<>();
      try {
        for (Chunk c : Lexer.chunks(text)) {
          if (c instanceof Statement s) {
            if (TRANSACTION_CONTROL.matcher(s.sql()).matches()) {
              throw new DeclaredException(name, s.line(), "`" + s.sql() + "` in a declared schema file",
                  "remove it: the declared files are loaded in one transaction of Retort's own");
            }
            statements.add(s);
          }
        }
      } catch (SqlSyntaxException e) {
        throw new DeclaredException(name, e.line(), e.getMessage(), "close it, or check the quotes and comments above");
      }
      out.add(new SchemaFile(name, statements));
    }
    return out;
  }
}
