package retort.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import retort.graph.GraphException;
import retort.graph.Revision;
import retort.graph.RevisionGraph;
import retort.graph.Squashes;

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
  /** The scripts whose revisions the graph holds: all of them unless a squash stands in for a range. */
  private final List<Script> followed;
  /** Whether a file is a squash, so that which revisions a database follows depends on its rows. */
  private final boolean squashed;
  /** Whether this is the selection for one database's rows (see {@link #forRows}), not the files' own. */
  private final boolean pinned;
  private volatile String checksumDigest;

  private ScriptDirectory(Path location, List<Script> scripts, String checksumDigest) {
    this(location, scripts, checksumDigest, List.of(), false);
  }

  private ScriptDirectory(Path location, List<Script> scripts, String checksumDigest, List<String> rows,
      boolean pinned) {
    this.location = location;
    this.scripts = List.copyOf(scripts);
    this.pinned = pinned;
    this.byId = new HashMap<>(scripts.size() * 2);
    List<Revision> revisions = new ArrayList<>(scripts.size());
    for (Script s : scripts) {
      byId.putIfAbsent(s.id(), s);
      revisions.add(s.revision());
    }
    this.squashed = Squashes.any(revisions);
    if (!squashed) {
      this.graph = graph(location, revisions);
      this.followed = this.scripts;
      this.checksumDigest = checksumDigest;
      return;
    }
    Squashes.Selection selection = Squashes.select(revisions, rows);
    this.graph = graph(location, selection.revisions()).withAliases(selection.aliases());
    selection.standing().forEach((end, squash) -> byId.put(end, byId.get(squash.id())));
    List<Script> in = new ArrayList<>(selection.revisions().size());
    for (Revision r : selection.revisions()) {
      in.add(byId.get(r.id()));
    }
    this.followed = List.copyOf(in);
  }

  /**
   * The migrations as a database with these version rows follows them: where a squash replaces a
   * range, either the squash (standing for the range's last revision) or the replaced files (for a
   * database inside the range); see {@link Squashes}. The same directory when there is no squash.
   * The result is kept to these rows: its own {@code forRows} returns itself.
   */
  public ScriptDirectory forRows(List<String> rows) {
    return !squashed || pinned ? this : new ScriptDirectory(location, scripts, null, rows, true);
  }

  /** The graph of the revisions; a missing parent or dependency is reported with its header line. */
  private static RevisionGraph graph(Path location, List<Revision> revisions) {
    try {
      return RevisionGraph.of(revisions);
    } catch (GraphException.MissingRevision e) {
      java.util.regex.Pattern header = java.util.regex.Pattern.compile("\\s*--\\s*" + e.relation() + "\\s*:.*");
      try {
        List<String> lines = Files.readAllLines(location.resolve(e.source()));
        for (int i = 0; i < lines.size(); i++) {
          if (header.matcher(lines.get(i)).matches()) {
            throw e.atLine(i + 1);
          }
        }
      } catch (IOException unreadable) {
        // the error without its line
      }
      throw e;
    }
  }

  /** Reads every migration file under {@code location/versions}, sorted by file name. */
  public static ScriptDirectory load(Path location) throws ScriptException, IOException {
    return load(location, null, warning -> {});
  }

  /**
   * Reads every migration file under {@code location/versions} (a name ending in {@code .sql}, in
   * any case), sorted by file name, taking the unchanged ones from the cache file when one is given
   * (see {@link ScriptCache}) and updating it. Editor backups and hidden files are skipped, and any
   * other file is too; each kind is named in one line to {@code warnings}.
   */
  public static ScriptDirectory load(Path location, Path cacheFile, Consumer<String> warnings)
      throws ScriptException, IOException {
    Path versions = location.resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      throw new ScriptException(location.toString(), 0,
          "no versions directory at " + versions,
          "check script_location in retort.toml, or create one with `retort init DIR`");
    }
    List<String> names = sqlFileNames(versions, warnings);
    long readAt = System.currentTimeMillis();
    Path where = versions.toAbsolutePath().normalize();
    String build = cacheFile == null ? "" : ScriptCache.build();
    // The cache is read on a thread of its own while the files' attributes are looked up.
    FutureTask<ScriptCache> reading = new FutureTask<>(() -> ScriptCache.read(cacheFile, build, where));
    BasicFileAttributes[] attributes = new BasicFileAttributes[names.size()];
    if (cacheFile == null) {
      reading.run();
    } else {
      Thread reader = new Thread(reading, "retort-cache");
      reader.setDaemon(true);
      reader.start();
      IntStream.range(0, names.size()).parallel().forEach(i -> attributes[i] = stat(versions, names.get(i)));
    }
    ScriptCache cache = cacheOf(reading);
    // Files are read and parsed on all cores; the first failure in file order is the one reported.
    Object[] parsed = new Object[names.size()];
    ScriptCache.Entry[] entries = new ScriptCache.Entry[names.size()];
    boolean[] hits = new boolean[names.size()];
    IntStream.range(0, names.size()).parallel().forEach(i -> {
      if (attributes[i] == null) {
        parsed[i] = read(versions, names.get(i));
      } else {
        parsed[i] = readThrough(versions, names.get(i), attributes[i], cache, entries, hits, i);
      }
    });
    List<Script> scripts = new ArrayList<>(names.size());
    List<ScriptCache.Entry> seen = new ArrayList<>(names.size());
    int hitCount = 0;
    for (int i = 0; i < parsed.length; i++) {
      hitCount += hits[i] ? 1 : 0;
      Object result = parsed[i];
      if (result instanceof ScriptException e) {
        throw e;
      }
      if (result instanceof IOException e) {
        throw e;
      }
      if (result != null) {
        scripts.add((Script) result);
        if (entries[i] != null) {
          seen.add(entries[i]);
        }
      }
    }
    // every file a hit, and no entry for a file that is gone: the cache file already says it all
    boolean current = hitCount == seen.size() && seen.size() == cache.size();
    if (cacheFile != null && !current) {
      String digest = digestOf(scripts);
      ScriptCache.write(cacheFile, build, where, readAt, digest, seen);
      return new ScriptDirectory(location, scripts, digest);
    }
    return new ScriptDirectory(location, scripts, current ? cache.checksumDigest() : null);
  }

  /**
   * Parses migration files that were read from elsewhere than a directory, e.g. a class path (see
   * {@link ClasspathLocation}): {@code files} by file name, in order; {@code prefix} goes before each
   * name in messages. Such a set has no {@link #location()}.
   */
  static ScriptDirectory of(String prefix, Map<String, byte[]> files) throws ScriptException {
    List<String> names = new ArrayList<>(files.keySet());
    Object[] parsed = new Object[names.size()];
    IntStream.range(0, names.size()).parallel().forEach(i -> {
      try {
        parsed[i] = parse(files.get(names.get(i)), prefix + names.get(i));
      } catch (ScriptException e) {
        parsed[i] = e;
      }
    });
    List<Script> scripts = new ArrayList<>(names.size());
    for (Object result : parsed) {
      if (result instanceof ScriptException e) {
        throw e;
      }
      scripts.add((Script) result);
    }
    return new ScriptDirectory(null, scripts, null);
  }

  /**
   * The names of the migration files, sorted as strings: java.io's list gives names without a Path
   * or a matcher per entry, which counts at 10,000 files. A file's type is looked up only when
   * reading it fails, or with the cache. The names skipped are told to {@code warnings}.
   */
  private static List<String> sqlFileNames(Path versions, Consumer<String> warnings) throws IOException {
    String[] listed = versions.toFile().list();
    if (listed == null) {
      throw new IOException("cannot list " + versions);
    }
    List<String> names = new ArrayList<>(listed.length);
    List<String> backups = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String name : listed) {
      if (isBackupOrHidden(name)) {
        backups.add(name);
      } else if (name.regionMatches(true, name.length() - 4, ".sql", 0, 4)) {
        names.add(name);
      } else {
        others.add(name);
      }
    }
    names.sort(null);
    if (!backups.isEmpty()) {
      backups.sort(null);
      warnings.accept(VERSIONS + "/: skipped editor backups and hidden files: " + String.join(", ", backups));
    }
    if (!others.isEmpty()) {
      others.sort(null);
      warnings.accept(VERSIONS + "/: skipped, not migrations (a migration's name ends in .sql): "
          + String.join(", ", others));
    }
    return names;
  }

  /** A hidden file ({@code .x}, which editors' lock and swap files are) or an editor's backup. */
  static boolean isBackupOrHidden(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return name.startsWith(".") || name.endsWith("~") || (name.startsWith("#") && name.endsWith("#"))
        || lower.endsWith(".bak") || lower.endsWith(".swp") || lower.endsWith(".swo") || lower.endsWith(".orig");
  }

  /** The cache that was being read, or none when reading it failed in an unexpected way. */
  private static ScriptCache cacheOf(FutureTask<ScriptCache> reading) {
    try {
      return reading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ScriptCache.empty();
    } catch (ExecutionException e) {
      return ScriptCache.empty();
    }
  }

  /** Like {@link #read}, but a file the cache still describes is not read at all. */
  private static Object readThrough(Path versions, String fileName, BasicFileAttributes attributes, ScriptCache cache,
      ScriptCache.Entry[] entries, boolean[] hits, int i) {
    if (!attributes.isRegularFile()) {
      return null;
    }
    String key = ScriptCache.Entry.key(attributes);
    Script cached = cache.lookup(fileName, attributes, key);
    hits[i] = cached != null;
    Object result = cached != null ? cached : read(versions, fileName);
    if (result instanceof Script script) {
      entries[i] = ScriptCache.Entry.of(fileName, attributes, key, script);
    }
    return result;
  }

  /** A file's attributes, or null when they cannot be read (the plain read then reports why). */
  private static BasicFileAttributes stat(Path versions, String fileName) {
    try {
      return Files.readAttributes(versions.resolve(fileName), BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
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
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer text = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, text, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ScriptException(name, line, String.format("byte 0x%02X is not UTF-8: the file is in another encoding",
          bytes[in.position()] & 0xff), "save it as UTF-8, e.g. `iconv -f WINDOWS-1251 -t UTF-8 FILE > FILE.utf8`"
              + " (Windows-1251 is the usual other encoding of Russian text) and replace the file with it");
    }
    return new ScriptParser(name, text.flip().toString()).parse();
  }

  /** Parses migration text that did not come from a file, e.g. in tests. */
  public static Script parse(String name, String text) throws ScriptException {
    return new ScriptParser(name, text).parse();
  }

  /** The directory holding versions/, or null for files that came from a class path. */
  public Path location() {
    return location;
  }

  public Path versions() {
    return location.resolve(VERSIONS);
  }

  /** Every migration file, in file-name order: squashes and the files they replace included. */
  public List<Script> scripts() {
    return scripts;
  }

  public RevisionGraph graph() {
    return graph;
  }

  /**
   * {@link Checksum#digest} over the checksum of every migration the graph holds: what the log's
   * digest is when the database has every revision applied. Kept in the cache, so an unchanged
   * directory does not compute it again.
   */
  public String checksumDigest() {
    String digest = checksumDigest;
    if (digest == null) {
      digest = digestOf(followed);
      checksumDigest = digest;
    }
    return digest;
  }

  private static String digestOf(List<Script> scripts) {
    Map<String, String> sums = new HashMap<>(scripts.size() * 2);
    for (Script s : scripts) {
      sums.put(s.id(), s.checksum());
    }
    return Checksum.digest(sums);
  }

  /** The script of a revision in the graph: for a squash that stands for a range, the squash's. */
  public Script script(Revision revision) {
    return byId.get(revision.id());
  }

  /** The script of a revision in the graph, or of a file by its own id. */
  public Script script(String id) {
    return byId.get(id);
  }
}
