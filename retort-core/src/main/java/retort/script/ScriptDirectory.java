package retort.script;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import retort.graph.Revision;
import retort.graph.RevisionGraph;

/**
 * The migration environment on disk: a script location holding {@code versions/*.sql} and the
 * template {@code script.sql.tmpl}. Loading it parses every file and builds the graph.
 */
public final class ScriptDirectory {

  public static final String VERSIONS = "versions";
  public static final String TEMPLATE = "script.sql.tmpl";

  private final Path location;
  private final List<Script> scripts;
  private final Map<String, Script> byId;
  private final RevisionGraph graph;

  private ScriptDirectory(Path location, List<Script> scripts) {
    this.location = location;
    this.scripts = List.copyOf(scripts);
    this.byId = new HashMap<>(scripts.size() * 2);
    List<Revision> revisions = new ArrayList<>(scripts.size());
    for (Script s : scripts) {
      byId.putIfAbsent(s.id(), s);
      revisions.add(s.revision());
    }
    this.graph = RevisionGraph.of(revisions);
  }

  /** Reads every migration file under {@code location/versions}, sorted by file name. */
  public static ScriptDirectory load(Path location) throws ScriptException, IOException {
    Path versions = location.resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      throw new ScriptException(location.toString(), 0,
          "no versions directory at " + versions,
          "check script_location in retort.toml, or create one with `retort init DIR`");
    }
    // File names sorted as strings (cheaper than Path.compareTo at 10,000 files); a file's type is
    // looked up only when reading it fails, instead of one stat per file.
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(versions, "*.sql")) {
      for (Path p : stream) {
        names.add(p.getFileName().toString());
      }
    }
    names.sort(null);
    // Files are read and parsed on all cores; the first failure in file order is the one reported.
    Object[] parsed = new Object[names.size()];
    java.util.stream.IntStream.range(0, names.size()).parallel().forEach(i -> parsed[i] = read(versions, names.get(i)));
    List<Script> scripts = new ArrayList<>(names.size());
    for (Object result : parsed) {
      if (result instanceof ScriptException e) {
        throw e;
      }
      if (result instanceof IOException e) {
        throw e;
      }
      if (result != null) {
        scripts.add((Script) result);
      }
    }
    return new ScriptDirectory(location, scripts);
  }

  /** One file's script, its ScriptException or IOException, or null when it is not a regular file. */
  private static Object read(Path versions, String fileName) {
    Path file = versions.resolve(fileName);
    try {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        if (!Files.isRegularFile(file)) {
          return null;
        }
        throw e;
      }
      return parse(bytes, VERSIONS + "/" + fileName);
    } catch (ScriptException | IOException e) {
      return e;
    }
  }

  /** Parses one file; {@code name} is how errors refer to it. */
  public static Script parse(Path file, String name) throws ScriptException, IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ScriptException(name, 0, "file not found", "check the path");
    }
    return parse(bytes, name);
  }

  private static Script parse(byte[] bytes, String name) throws ScriptException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ScriptException(name, 0, "the file is not valid UTF-8", "save it as UTF-8");
    }
    return new ScriptParser(name, text).parse();
  }

  /** Parses migration text that did not come from a file, e.g. in tests. */
  public static Script parse(String name, String text) throws ScriptException {
    return new ScriptParser(name, text).parse();
  }

  public Path location() {
    return location;
  }

  public Path versions() {
    return location.resolve(VERSIONS);
  }

  public List<Script> scripts() {
    return scripts;
  }

  public RevisionGraph graph() {
    return graph;
  }

  /** The script of a revision in the graph. */
  public Script script(Revision revision) {
    return byId.get(revision.id());
  }

  public Script script(String id) {
    return byId.get(id);
  }
}
