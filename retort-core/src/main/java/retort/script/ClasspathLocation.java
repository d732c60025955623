package retort.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A script location on a class path ({@code classpath:db/retort}): the resources under
 * {@code db/retort/versions/}, wherever the class loader finds them (a directory, a jar, a jar
 * nested in a Spring Boot jar, a module), read with the same meaning as a directory on disk.
 *
 * <p>The {@code versions/} directories the loader finds are listed: a {@code file:} directory by
 * its entries, a {@code jar:} one by the jar's entries under it (also a jar nested in another); the
 * first file of a name wins. Where the loader gives something else (or a jar without directory
 * entries), {@code db/retort/retort.index} names the files, one per line (the last word of a line,
 * so that {@code mvn retort:index}'s {@code checksum  versions/name.sql} lines serve), and each is
 * read as a resource, which works with any class loader.
 */
public final class ClasspathLocation {

  public static final String PREFIX = "classpath:";
  public static final String INDEX = "retort.index";

  private final String path;
  private final ClassLoader loader;

  private ClasspathLocation(String path, ClassLoader loader) {
    this.path = path;
    this.loader = loader;
  }

  /** The location {@code classpath:PATH} (the prefix optional), looked up by this class loader. */
  public static ClasspathLocation of(String location, ClassLoader loader) {
    String p = location.startsWith(PREFIX) ? location.substring(PREFIX.length()) : location;
    p = p.replace('\\', '/');
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return new ClasspathLocation(p, loader);
  }

  /** How messages name it: {@code classpath:db/retort}. */
  @Override
  public String toString() {
    return PREFIX + path;
  }

  /** The resource path of {@code versions/} under this location, e.g. {@code db/retort/versions}. */
  String versions() {
    return path.isEmpty() ? ScriptDirectory.VERSIONS : path + "/" + ScriptDirectory.VERSIONS;
  }

  /** Reads and parses every migration file of the location, as {@link ScriptDirectory#load} does a directory's. */
  public ScriptDirectory load() throws ScriptException, IOException {
    return ScriptDirectory.of(versions() + "/", files());
  }

  /**
   * The bytes of every migration file, by file name, sorted by name: the listed {@code versions/}
   * directories, else the index. Listing comes first, so that a migration added since the index was
   * written is never left out where the files can be listed.
   */
  Map<String, byte[]> files() throws ScriptException, IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Enumeration<URL> dirs = loader.getResources(versions());
    URL unlistable = null;
    boolean listed = false;
    while (dirs.hasMoreElements()) {
      URL dir = dirs.nextElement();
      if (dir.getProtocol().equals("file")) {
        listDirectory(dir, files);
        listed = true;
      } else if (dir.getProtocol().equals("jar")) {
        listJar(dir, files);
        listed = true;
      } else {
        unlistable = dir;
      }
    }
    if (listed && unlistable == null) {
      return files;
    }
    String index = path.isEmpty() ? INDEX : path + "/" + INDEX;
    try (InputStream in = loader.getResourceAsStream(index)) {
      if (in != null) {
        return fromIndex(index, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    if (unlistable != null) {
      throw new ScriptException(toString(), 0,
          "cannot list " + unlistable + " (a " + unlistable.getProtocol() + ": resource)",
          "write " + index + " listing the files of " + versions() + ", one per line (mvn retort:index writes it)");
    }
    throw new ScriptException(toString(), 0, "no " + versions() + " on the class path",
        "put the migrations in src/main/resources/" + versions() + " (a jar must keep its directory entries, or carry "
            + index + ")");
  }

  private Map<String, byte[]> fromIndex(String index, String text) throws ScriptException, IOException {
    Map<String, byte[]> files = new TreeMap<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String name = line.substring(line.lastIndexOf(' ') + 1);        // "[checksum  ]file name"
      if (name.startsWith(ScriptDirectory.VERSIONS + "/")) {
        name = name.substring(ScriptDirectory.VERSIONS.length() + 1);
      }
      if (!accepts(name)) {
        continue;
      }
      try (InputStream in = loader.getResourceAsStream(versions() + "/" + name)) {
        if (in == null) {
          throw new ScriptException(index, i + 1, "lists " + name + ", which is not on the class path",
              "write the index again from the files in " + versions());
        }
        files.put(name, in.readAllBytes());
      }
    }
    return files;
  }

  private static void listDirectory(URL dir, Map<String, byte[]> files) throws IOException {
    Path directory;
    try {
      directory = Path.of(dir.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot read " + dir, e);
    }
    List<String> names = new ArrayList<>();
    try (var entries = Files.list(directory)) {
      entries.forEach(p -> {
        String name = p.getFileName().toString();
        if (accepts(name) && Files.isRegularFile(p)) {
          names.add(name);
        }
      });
    }
    for (String name : names) {
      if (!files.containsKey(name)) {
        files.put(name, Files.readAllBytes(directory.resolve(name)));
      }
    }
  }

  /** Lists a directory inside a jar, also a jar nested in another (Spring Boot's {@code jar:nested:} URLs). */
  private static void listJar(URL dir, Map<String, byte[]> files) throws IOException {
    URLConnection connection = dir.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      throw new IOException("cannot list " + dir + ": not a jar");
    }
    jar.setUseCaches(false);
    String dirName = jar.getEntryName();
    String prefix = dirName.endsWith("/") ? dirName : dirName + "/";         // a module's loader gives the slash
    try (JarFile file = jar.getJarFile()) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) {
          continue;
        }
        String fileName = name.substring(prefix.length());
        if (accepts(fileName) && !files.containsKey(fileName)) {
          try (InputStream in = file.getInputStream(entry)) {
            files.put(fileName, in.readAllBytes());
          }
        }
      }
    }
  }

  /** A file of versions/ that is a migration: its name ends in .sql. */
  private static boolean accepts(String name) {
    return name.endsWith(".sql");
  }
}
