package retort.script;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import retort.graph.Revision;
import retort.sql.Statement;

/**
 * The parsed migration files of one versions directory, kept between runs so that an unchanged file
 * is neither read nor lexed again. A file is taken from the cache only when its size, modification
 * time and file key (device and inode) are those it had when it was parsed, and when it was last
 * modified well before the cache was written: a file changed within the same clock tick as the
 * cache's read of it could otherwise keep its time (git calls this "racily clean"). Anything
 * unexpected in the cache file (another Retort build, another directory, a wrong CRC-32) means no cache;
 * a cache that cannot be written is simply not written.
 */
final class ScriptCache {

  private static final int MAGIC = 0x52544331;              // "RTC1"
  private static final long RACY_MILLIS = 2_000;

  private final Map<String, Entry> entries;
  private final long writtenAt;

  private ScriptCache(Map<String, Entry> entries, long writtenAt) {
    this.entries = entries;
    this.writtenAt = writtenAt;
  }

  /** One file as it was parsed: its name, size, time and key, and its script. */
  record Entry(String name, long size, long modifiedNanos, String fileKey, Script script) {

    static Entry of(String name, BasicFileAttributes a, String key, Script script) {
      return new Entry(name, a.size(), nanos(a), key, script);
    }

    static long nanos(BasicFileAttributes a) {
      return a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    static String key(BasicFileAttributes a) {
      return String.valueOf(a.fileKey());
    }
  }

  static ScriptCache empty() {
    return new ScriptCache(Map.of(), 0);
  }

  /** The script of this file when the cache may be trusted with it, else null. */
  Script lookup(String name, BasicFileAttributes a, String key) {
    Entry e = entries.get(name);
    return e != null && trusts(e, a.size(), Entry.nanos(a), key) ? e.script() : null;
  }

  /** Whether these entries are exactly the ones this cache holds and trusts, so that writing is not needed. */
  boolean holdsExactly(List<Entry> now) {
    if (now.size() != entries.size()) {
      return false;
    }
    for (Entry e : now) {
      Entry had = entries.get(e.name());
      if (had == null || !trusts(had, e.size(), e.modifiedNanos(), e.fileKey())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an entry is of the file with this size, time and key, and that file had settled well
   * before the cache was written (else a change in the same clock tick could have kept its time).
   */
  private boolean trusts(Entry e, long size, long modifiedNanos, String key) {
    return e.size() == size && e.modifiedNanos() == modifiedNanos && e.fileKey().equals(key)
        && modifiedNanos / 1_000_000 < writtenAt - RACY_MILLIS;
  }

  /** Reads the cache file; an absent, foreign or damaged one gives the empty cache. */
  static ScriptCache read(Path file, String build, Path versions) {
    if (file == null) {
      return empty();
    }
    try {
      // the whole file at once, its CRC-32 in one pass, then the fields from memory
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < Long.BYTES) {
        return empty();
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - Long.BYTES);
      if (java.nio.ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() != crc.getValue()) {
        return empty();
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
      if (in.readInt() != MAGIC || !in.readUTF().equals(build) || !in.readUTF().equals(versions.toString())) {
        return empty();
      }
      long writtenAt = in.readLong();
      int count = in.readInt();
      Map<String, Entry> entries = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        Entry e = new Entry(name, in.readLong(), in.readLong(), in.readUTF(), readScript(in));
        entries.put(name, e);
      }
      return in.available() == 0 ? new ScriptCache(entries, writtenAt) : empty();
    } catch (IOException | RuntimeException absentOrDamaged) {
      return empty();
    }
  }

  /** Writes the entries, stamped with the time the directory was read; failures are ignored. */
  static void write(Path file, String build, Path versions, long readAt, List<Entry> entries) {
    if (file == null) {
      return;
    }
    Path temp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512 + 256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeUTF(build);
      out.writeUTF(versions.toString());
      out.writeLong(readAt);
      out.writeInt(entries.size());
      for (Entry e : entries) {
        out.writeUTF(e.name());
        out.writeLong(e.size());
        out.writeLong(e.modifiedNanos());
        out.writeUTF(e.fileKey());
        writeScript(out, e.script());
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());                  // over all that comes before
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (OutputStream raw = Files.newOutputStream(temp)) {
        bytes.writeTo(raw);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException ignored) {
      // a read-only checkout, a full disk: the next run parses the files again
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // left behind in the cache directory, harmless
        }
      }
    }
  }

  /**
   * What identifies the parser that made a cache: the size and time of Retort's jar, or of its
   * classes directory and the parser's class file in a build tree. Any rebuild changes it.
   */
  static String build() {
    try {
      Path code = Path.of(ScriptCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
      String key = a.size() + " " + a.lastModifiedTime().toMillis();
      if (a.isDirectory()) {
        key += " " + Files.getLastModifiedTime(code.resolve("retort/script/ScriptParser.class")).toMillis();
      }
      return key;
    } catch (Exception unknown) {
      return "unknown " + System.nanoTime();      // never matches: no cache rather than a stale one
    }
  }

  // ---- the format: strings as length and UTF-8 (statements may exceed writeUTF's 64 KB)

  private static void writeScript(DataOutputStream out, Script s) throws IOException {
    Revision r = s.revision();
    out.writeUTF(r.id());
    writeList(out, r.downRevisions());
    writeList(out, r.dependsOn());
    writeList(out, new ArrayList<>(r.branchLabels()));
    writeString(out, r.source());
    writeString(out, s.name());
    writeString(out, s.message());
    writeString(out, s.created());
    out.writeBoolean(s.transactional());
    writeSection(out, s.upgrade());
    writeSection(out, s.downgrade());
    out.writeUTF(s.checksum());
  }

  private static Script readScript(DataInputStream in) throws IOException {
    String id = in.readUTF();
    List<String> down = readList(in);
    List<String> depends = readList(in);
    Set<String> labels = new HashSet<>(readList(in));
    String source = readString(in);
    Revision revision = new Revision(id, down, depends, labels, source);
    return new Script(revision, readString(in), readString(in), readString(in), in.readBoolean(),
        readSection(in), readSection(in), in.readUTF());
  }

  private static void writeSection(DataOutputStream out, Section section) throws IOException {
    out.writeBoolean(section.present());
    byte[] encoded = section.encodedOrNull();
    if (encoded == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream statements = new DataOutputStream(bytes);
      statements.writeInt(section.statements().size());
      for (Statement st : section.statements()) {
        statements.writeInt(st.line());
        writeString(statements, st.sql());
      }
      statements.flush();
      encoded = bytes.toByteArray();
    }
    out.writeInt(encoded.length);
    out.write(encoded);
  }

  /** A section whose statements stay encoded until a run needs them. */
  private static Section readSection(DataInputStream in) throws IOException {
    boolean present = in.readBoolean();
    byte[] encoded = new byte[in.readInt()];
    in.readFully(encoded);
    return Section.encoded(present, encoded, ScriptCache::decodeStatements);
  }

  private static List<Statement> decodeStatements(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int n = in.readInt();
      List<Statement> statements = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int line = in.readInt();
        statements.add(new Statement(readString(in), line));
      }
      return statements;
    } catch (IOException e) {
      throw new UncheckedIOException("a damaged entry in the script cache", e);
    }
  }

  private static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(out, v);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(in));
    }
    return out;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
