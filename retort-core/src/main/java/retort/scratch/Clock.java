package retort.scratch;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of the scratch work took, summed over its runs: replay, load, introspection, proof. */
final class Clock {

  /** Work timed under a phase's name. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T run() throws SQLException, E;
  }

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  <T, E extends Exception> T time(String phase, Work<T, E> work) throws SQLException, E {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      add(phase, System.nanoTime() - start);
    }
  }

  void add(String phase, long elapsed) {
    nanos.merge(phase, elapsed, Long::sum);
  }

  Map<String, Long> millis() {
    Map<String, Long> out = new LinkedHashMap<>();
    nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
    return out;
  }
}
