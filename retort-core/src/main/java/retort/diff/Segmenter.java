package retort.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts ordered steps into segments at transaction boundaries: a run of transactional steps is one
 * segment, a run of concurrent steps another, and a step that must commit before what follows (a new
 * enum value) ends its segment.
 */
final class Segmenter {

  private Segmenter() {}

  static Plan segments(List<Step> ordered, List<String> warnings) {
    List<Segment> segments = new ArrayList<>();
    List<Step> current = new ArrayList<>();
    boolean transactional = true;
    boolean boundary = false;
    for (Step s : ordered) {
      if (s.up().isEmpty() && s.down().isEmpty()) {
        continue;
      }
      if (!current.isEmpty() && ((boundary && !s.commitAfter()) || s.transactional() != transactional)) {
        segments.add(new Segment(transactional, current));
        current = new ArrayList<>();
      }
      transactional = s.transactional();
      boundary = s.commitAfter();
      current.add(s);
    }
    if (!current.isEmpty()) {
      segments.add(new Segment(transactional, current));
    }
    return new Plan(segments, warnings);
  }
}
