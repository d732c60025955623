package retort.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered steps that take head to the declared schema, cut into segments at transaction
 * boundaries (one revision each), and what the reader must know: hazards and warnings (possible
 * renames, objects of kinds not compared yet).
 */
public record Plan(List<Segment> segments, List<String> warnings) {

  public Plan {
    segments = List.copyOf(segments);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Every step with statements, in order. */
  public List<Step> steps() {
    List<Step> out = new ArrayList<>();
    for (Segment s : segments) {
      out.addAll(s.steps());
    }
    return out;
  }

  public Set<Hazard> hazards() {
    Set<Hazard> out = EnumSet.noneOf(Hazard.class);
    for (Step s : steps()) {
      out.addAll(s.hazards());
    }
    return out;
  }
}
