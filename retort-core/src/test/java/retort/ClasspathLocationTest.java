package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrations read from a class path: a directory, a real jar, an index without any listing. */
class ClasspathLocationTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path tmp;
  Migrations m;
  PGSimpleDataSource ds;
  Map<String, String> files = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    m = new Migrations(tmp.resolve("src"));
    ds = new PGSimpleDataSource();
    ds.setURL(m.url);
    m.write(A, null, "CREATE TABLE t1 (id int PRIMARY KEY);", "DROP TABLE t1;");
    m.write(B, A, "CREATE TABLE t2 (id int);\nSELECT no_such_column FROM t2;", "DROP TABLE t2;");
    files.put("db/retort/versions/" + A + "_m.sql", read(A));
    files.put("db/retort/versions/" + B + "_m.sql", read(B));
    files.put("db/retort/versions/README.txt", "not a migration");
  }

  @Test
  void aJarOnTheClassPathIsReadLikeADirectory() throws Exception {
    Path jar = jar(tmp.resolve("app.jar"), files);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:/db/retort/", loader);

      assertThat(retort.heads()).extracting(RevisionInfo::revision).containsExactly(B);
      assertThat(retort.withTarget(A).upgrade().steps()).extracting(StepSummary::file)
          .containsExactly("db/retort/versions/" + A + "_m.sql");
      assertThat(m.tableExists("public.t1")).isTrue();

      RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
      assertThat(e.file()).isEqualTo("db/retort/versions/" + B + "_m.sql");
      assertThat(e.line()).isEqualTo(m.lineOf("versions/" + B + "_m.sql", "SELECT no_such_column FROM t2;"));
      assertThat(e.sqlState()).isEqualTo("42703");
      assertThat(m.versions()).containsExactly(A);
    }
  }

  @Test
  void theContextClassLoaderServesConfigureWithAClasspathLocation() throws Exception {
    Path classes = tmp.resolve("classes");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(classes.resolve(f.getKey()).getParent());
      Files.writeString(classes.resolve(f.getKey()), f.getValue());
    }
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);
      Retort retort = Retort.configure(ds, "classpath:db/retort");
      Thread.currentThread().setContextClassLoader(before);

      assertThat(retort.location()).isEqualTo("classpath:db/retort");
      assertThat(retort.withTarget(A).upgrade().steps()).extracting(StepSummary::revision).containsExactly(A);
      assertThat(m.versions()).containsExactly(A);
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  @Test
  void twoJarsWithTheLocationAddUpToOneSetOfMigrations() throws Exception {
    Path first = jar(tmp.resolve("first.jar"), Map.of("db/retort/versions/" + A + "_m.sql", read(A)));
    Path second = jar(tmp.resolve("second.jar"), Map.of("db/retort/versions/" + B + "_m.sql", read(B)));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null)) {
      Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/retort", loader);

      assertThat(retort.history(null, false)).extracting(RevisionInfo::revision).containsExactly(B, A);
    }
  }

  @Test
  void anIndexNamesTheFilesWhereTheClassLoaderCannotList() throws Exception {
    Map<String, String> withIndex = new LinkedHashMap<>(files);
    withIndex.put("db/retort/retort.index", "# written at build time\n" + A + "_m.sql\n");
    ClassLoader unlistable = new InMemoryLoader(withIndex);
    Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/retort", unlistable);

    assertThat(retort.upgrade().steps()).extracting(StepSummary::revision).containsExactly(A);

    RetortException e = assertThrows(RetortException.class,
        () -> Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/retort", new InMemoryLoader(files))
            .heads());
    assertThat(e.getMessage()).contains("cannot list mem:/db/retort/versions");
    assertThat(e.hint()).contains("db/retort/retort.index");
  }

  @Test
  void aJarWithoutDirectoryEntriesIsReadThroughItsIndex() throws Exception {
    Map<String, String> entries = new LinkedHashMap<>(files);
    entries.put("db/retort/retort.index", "v1:0000  versions/" + A + "_m.sql\nv1:1111  versions/" + B + "_m.sql\n");
    Path jar = tmp.resolve("flat.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        j.putNextEntry(new JarEntry(e.getKey()));
        j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/retort", loader);

      assertThat(retort.history(null, false)).extracting(RevisionInfo::revision).containsExactly(B, A);
    }
  }

  @Test
  void aModuleOnTheModulePathThatOpensTheLocationIsReadLikeADirectory() throws Exception {
    Path src = tmp.resolve("module-src");
    Files.createDirectories(src.resolve("bot/data"));
    Files.writeString(src.resolve("module-info.java"), "module bot.data { opens db.retort.versions; }");
    Files.writeString(src.resolve("bot/data/Marker.java"), "package bot.data; public class Marker {}");
    Path classes = tmp.resolve("module-classes");
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), src.resolve("module-info.java").toString(),
        src.resolve("bot/data/Marker.java").toString());
    assertThat(rc).isZero();
    Map<String, String> entries = new LinkedHashMap<>(files);
    entries.put("module-info.class", Files.readString(classes.resolve("module-info.class"), StandardCharsets.ISO_8859_1));
    entries.put("bot/data/Marker.class", Files.readString(classes.resolve("bot/data/Marker.class"), StandardCharsets.ISO_8859_1));
    Path jar = jar(tmp.resolve("bot-data.jar"), entries, StandardCharsets.ISO_8859_1);

    java.lang.module.Configuration cf = ModuleLayer.boot().configuration().resolve(
        java.lang.module.ModuleFinder.of(jar), java.lang.module.ModuleFinder.of(), java.util.Set.of("bot.data"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, null);
    ClassLoader loader = layer.findLoader("bot.data");
    Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/retort", loader);

    assertThat(retort.history(null, false)).extracting(RevisionInfo::revision).containsExactly(B, A);
  }

  @Test
  void aMissingLocationNamesItAndAClassPathLocationCannotBeWrittenTo() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      Retort retort = Retort.configure(ds, "classpath:db/retort").withLocation("classpath:db/nowhere", empty);

      RetortException e = assertThrows(RetortException.class, retort::heads);
      assertThat(e.getMessage()).startsWith("classpath:db/nowhere: no db/nowhere/versions on the class path");
      assertThat(e.hint()).contains("src/main/resources/db/nowhere/versions");

      RetortException write = assertThrows(RetortException.class,
          () -> retort.revision("x", null, null, java.util.List.of(), java.util.List.of()));
      assertThat(write.getMessage()).contains("cannot be written to");
    }
  }

  private String read(String rev) {
    try {
      return Files.readString(m.dir.resolve("versions").resolve(rev + "_m.sql"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A real jar with these entries and their directories, as the build packages them. */
  static Path jar(Path file, Map<String, String> entries) throws IOException {
    return jar(file, entries, StandardCharsets.UTF_8);
  }

  static Path jar(Path file, Map<String, String> entries, java.nio.charset.Charset charset) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      java.util.Set<String> dirs = new java.util.TreeSet<>();
      for (String name : entries.keySet()) {
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
          dirs.add(name.substring(0, i + 1));
        }
      }
      for (String d : dirs) {
        jar.putNextEntry(new JarEntry(d));
        jar.closeEntry();
      }
      for (Map.Entry<String, String> e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue().getBytes(charset));
        jar.closeEntry();
      }
    }
    return file;
  }

  /** A class loader whose resources have mem: URLs, which nothing can list: only an index finds them. */
  static final class InMemoryLoader extends ClassLoader {
    private final Map<String, String> resources;

    InMemoryLoader(Map<String, String> resources) {
      super(null);
      this.resources = resources;
    }

    @Override
    protected URL findResource(String name) {
      boolean dir = resources.keySet().stream().anyMatch(k -> k.startsWith(name + "/"));
      if (!resources.containsKey(name) && !dir) {
        return null;
      }
      try {
        return new URL(null, "mem:/" + name, new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
              @Override
              public void connect() {}

              @Override
              public InputStream getInputStream() throws IOException {
                String text = resources.get(name);
                if (text == null) {
                  throw new IOException("a directory");
                }
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
              }
            };
          }
        });
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
      URL u = findResource(name);
      return u == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(u));
    }
  }
}
