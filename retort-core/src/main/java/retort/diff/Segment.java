package retort.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of steps that becomes one revision: all in one transaction, or (not transactional) each
 * statement on its own, as {@code CREATE INDEX CONCURRENTLY} needs.
 */
public record Segment(boolean transactional, List<Step> steps) {

  public Segment {
    steps = List.copyOf(steps);
  }

  /** The upgrade's statements, in order. */
  public List<String> upgrade() {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      out.addAll(s.up());
    }
    return out;
  }

  /** The downgrade's statements: each step's inverse, last step first. */
  public List<String> downgrade() {
    List<String> out = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      out.addAll(steps.get(i).down());
    }
    return out;
  }
}
