package retort.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code retort.index} beside {@code versions/}: one line per migration file, its checksum and its
 * name ({@code v1:…  versions/…sql}). Kept in the repository, it records the migrations that were
 * shipped, so that {@code retort:check} catches an edit of one without a database; packaged, it
 * lists the files for a class path that cannot be listed.
 */
final class Ledger {

  static final String FILE = "retort.index";

  private final SortedMap<String, String> sums;

  private Ledger(SortedMap<String, String> sums) {
    this.sums = sums;
  }

  static Ledger read(Path file) throws IOException {
    SortedMap<String, String> sums = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int space = l.indexOf(' ');
      if (space > 0) {
        sums.put(l.substring(l.lastIndexOf(' ') + 1), l.substring(0, space));
      }
    }
    return new Ledger(sums);
  }

  static Ledger of(Map<String, String> sums) {
    return new Ledger(new TreeMap<>(sums));
  }

  void write(Path file) throws IOException {
    StringBuilder b = new StringBuilder("# the migrations shipped so far and their checksums; `mvn retort:index` adds new ones\n");
    sums.forEach((name, sum) -> b.append(sum).append("  ").append(name).append('\n'));
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /** The files whose checksum differs from the one recorded. */
  List<String> edited(Map<String, String> files) {
    List<String> out = new ArrayList<>();
    sums.forEach((name, sum) -> {
      if (files.containsKey(name) && !files.get(name).equals(sum)) {
        out.add(name);
      }
    });
    return out;
  }

  /** The recorded files that are gone. */
  List<String> missing(Map<String, String> files) {
    return sums.keySet().stream().filter(name -> !files.containsKey(name)).toList();
  }

  /** The files not recorded yet. */
  List<String> unrecorded(Map<String, String> files) {
    return files.keySet().stream().filter(name -> !sums.containsKey(name)).toList();
  }

  /** This ledger with the files not recorded yet added. */
  Ledger with(Map<String, String> files) {
    SortedMap<String, String> all = new TreeMap<>(sums);
    files.forEach(all::putIfAbsent);
    return new Ledger(all);
  }
}
