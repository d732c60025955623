package retort.script;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
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

  private static final int MAGIC = 0x52544334;              // "RTC4"
  private static final long RACY_MILLIS = 2_000;

  private final Map<String, Entry> entries;
  private final long writtenAt;
  private final String checksumDigest;

  private ScriptCache(Map<String, Entry> entries, long writtenAt, String checksumDigest) {
    this.entries = entries;
    this.writtenAt = writtenAt;
    this.checksumDigest = checksumDigest;
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
    return new ScriptCache(Map.of(), 0, null);
  }

  /** The script of this file when the cache may be trusted with it, else null. */
  Script lookup(String name, BasicFileAttributes a, String key) {
    Entry e = entries.get(name);
    return e != null && trusts(e, a.size(), Entry.nanos(a), key) ? e.script() : null;
  }

  /** The checksum digest of all the files the cache holds (see {@link ScriptDirectory#checksumDigest}). */
  String checksumDigest() {
    return checksumDigest;
  }

  /** How many files the cache holds. */
  int size() {
    return entries.size();
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
      if (ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() != crc.getValue()) {
        return empty();
      }
      ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Long.BYTES);
      if (in.getInt() != MAGIC || !readString(in).equals(build) || !readString(in).equals(versions.toString())) {
        return empty();
      }
      long writtenAt = in.getLong();
      String digest = readString(in);
      int count = in.getInt();
      Map<String, Entry> entries = new HashMap<>(count + count / 3 + 1);
      for (int i = 0; i < count; i++) {
        String name = readString(in);
        Entry e = new Entry(name, in.getLong(), in.getLong(), readString(in), readScript(in));
        entries.put(name, e);
      }
      return in.hasRemaining() ? empty() : new ScriptCache(entries, writtenAt, digest);
    } catch (IOException | RuntimeException absentOrDamaged) {
      return empty();
    }
  }

  /** Writes the entries, stamped with the time the directory was read; failures are ignored. */
  static void write(Path file, String build, Path versions, long readAt, String checksumDigest, List<Entry> entries) {
    if (file == null) {
      return;
    }
    Path temp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 512 + 256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      writeString(out, build);
      writeString(out, versions.toString());
      out.writeLong(readAt);
      writeString(out, checksumDigest);
      out.writeInt(entries.size());
      for (Entry e : entries) {
        writeString(out, e.name());
        out.writeLong(e.size());
        out.writeLong(e.modifiedNanos());
        writeString(out, e.fileKey());
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
    writeString(out, r.id());
    writeList(out, r.downRevisions());
    writeList(out, r.dependsOn());
    writeList(out, new ArrayList<>(r.branchLabels()));
    writeList(out, r.replaces());
    writeString(out, r.source());
    out.writeBoolean(s.name().equals(r.source()));   // as the parser makes them
    if (!s.name().equals(r.source())) {
      writeString(out, s.name());
    }
    writeString(out, s.message());
    writeString(out, s.created());
    out.writeBoolean(s.transactional());
    writeSection(out, s.upgrade());
    writeSection(out, s.downgrade());
    writeString(out, s.checksum());
  }

  private static Script readScript(ByteBuffer in) {
    String id = readString(in);
    List<String> down = readList(in);
    List<String> depends = readList(in);
    List<String> labels = readList(in);
    List<String> replaces = readList(in);
    String source = readString(in);
    String name = in.get() != 0 ? source : readString(in);
    Revision revision = new Revision(id, down, depends, labels.isEmpty() ? Set.of() : Set.copyOf(labels), source,
        replaces);
    return new Script(revision, name, readString(in), readString(in), in.get() != 0,
        readSection(in), readSection(in), readString(in));
  }

  private static void writeSection(DataOutputStream out, Section section) throws IOException {
    out.writeBoolean(section.present());
    Section.Encoded encoded = section.encodedOrNull();
    if (encoded == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream statements = new DataOutputStream(bytes);
      statements.writeInt(section.statements().size());
      for (Statement st : section.statements()) {
        statements.writeInt(st.line());
        writeString(statements, st.sql());
        statements.writeBoolean(st.copyData() != null);
        if (st.copyData() != null) {
          writeString(statements, st.copyData());
        }
      }
      statements.flush();
      encoded = new Section.Encoded(bytes.toByteArray(), 0, bytes.size());
    }
    out.writeInt(encoded.length());
    out.write(encoded.bytes(), encoded.offset(), encoded.length());
  }

  /** A section whose statements stay encoded, in the cache file's bytes, until a run needs them. */
  private static Section readSection(ByteBuffer in) {
    boolean present = in.get() != 0;
    int length = in.getInt();
    if (length < 0) {
      throw new IllegalArgumentException("a negative length");
    }
    Section.Encoded encoded = new Section.Encoded(in.array(), in.arrayOffset() + in.position(), length);
    in.position(in.position() + length);
    return Section.encoded(present, encoded, ScriptCache::decodeStatements);
  }

  private static List<Statement> decodeStatements(Section.Encoded encoded) {
    try {
      ByteBuffer in = ByteBuffer.wrap(encoded.bytes(), encoded.offset(), encoded.length());
      int n = in.getInt();
      List<Statement> statements = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int line = in.getInt();
        String sql = readString(in);
        statements.add(new Statement(sql, line, in.get() != 0 ? readString(in) : null));
      }
      return statements;
    } catch (RuntimeException e) {
      throw new IllegalStateException("a damaged entry in the script cache", e);
    }
  }

  private static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(out, v);
    }
  }

  /** An immutable list, so that the records built from it keep it without a copy. */
  private static List<String> readList(ByteBuffer in) {
    int n = in.getInt();
    if (n == 0) {
      return List.of();
    }
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = readString(in);
    }
    return List.of(values);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A string as its length and UTF-8 bytes; a length past the end throws, as damage should. */
  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    int at = in.position();
    in.position(at + length);
    return new String(in.array(), in.arrayOffset() + at, length, StandardCharsets.UTF_8);
  }
}
