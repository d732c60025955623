package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.ObjectId;
import retort.catalog.Sequence;

/**
 * Sequences: options, and the column that owns one ({@code OWNED BY}, set in a step of its own once
 * both exist). An identity column's sequence comes and goes with its column; only its options are
 * changed here.
 */
final class SequenceComparer implements Comparer<Sequence> {

  @Override
  public Class<Sequence> type() {
    return Sequence.class;
  }

  private static String create(Sequence s) {
    List<String> options = Sequences.options(s, true);
    return "CREATE SEQUENCE " + s.id().qualified() + (options.isEmpty() ? "" : " " + String.join(" ", options));
  }

  private static String ownedBy(ObjectId sequence, ObjectId column) {
    return "ALTER SEQUENCE " + sequence.qualified() + " OWNED BY "
        + (column == null ? "NONE" : column.qualifiedRelation() + "." + column.quotedMember());
  }

  @Override
  public List<Step> create(Sequence s, Catalog side, Context c) {
    if (s.identity()) {
      return List.of(Step.of(s.id(), Action.CREATE, "identity sequence", List.of(), List.of()));
    }
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of(s.id(), Action.CREATE, "create sequence", create(s), "DROP SEQUENCE " + s.id().qualified()));
    if (s.ownedBy() != null) {
      steps.add(Step.of(s.id(), Action.ATTRIBUTE, "sequence owned by", ownedBy(s.id(), s.ownedBy()), null)
          .needs(s.ownedBy()));
    }
    return steps;
  }

  @Override
  public List<Step> drop(Sequence s, Catalog side, Context c) {
    if (s.identity()) {
      return List.of(Step.of(s.id(), Action.DROP, "identity sequence", List.of(), List.of()));
    }
    List<Step> steps = new ArrayList<>();
    if (s.ownedBy() != null) {
      steps.add(Step.of(s.id(), Action.ATTRIBUTE, "sequence owned by", null, ownedBy(s.id(), s.ownedBy()))
          .releases(s.ownedBy()));
    }
    steps.add(Step.of(s.id(), Action.DROP, "drop sequence", "DROP SEQUENCE " + s.id().qualified(), create(s)));
    return steps;
  }

  @Override
  public List<Step> alter(Sequence from, Sequence to, Context c) {
    if (from.identity() != to.identity()) {
      return null;
    }
    List<Step> steps = new ArrayList<>();
    List<String> up = Sequences.changes(from, to);
    if (!up.isEmpty()) {
      steps.add(Step.of(to.id(), Action.ALTER, "alter sequence",
          "ALTER SEQUENCE " + to.id().qualified() + " " + String.join(" ", up),
          "ALTER SEQUENCE " + to.id().qualified() + " " + String.join(" ", Sequences.changes(to, from))));
    }
    if (!Objects.equals(from.ownedBy(), to.ownedBy())) {
      Step owned = Step.of(to.id(), Action.ATTRIBUTE, "sequence owned by", ownedBy(to.id(), to.ownedBy()),
          ownedBy(to.id(), from.ownedBy()));
      if (to.ownedBy() != null) {
        owned = owned.needs(to.ownedBy());
      }
      if (from.ownedBy() != null) {
        owned = owned.releases(from.ownedBy());
      }
      steps.add(owned);
    }
    return steps;
  }
}
