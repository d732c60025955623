package retort.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import retort.catalog.ObjectId;

/**
 * One change to one object, with the statements that make it ({@code up}) and the statements that
 * undo it ({@code down}): each step knows its inverse, so a downgrade is the reversed list of the
 * steps' downs. A step runs inside a transaction unless it is concurrent (built without blocking
 * writes, e.g. {@code CREATE INDEX CONCURRENTLY}), and belongs to a phase that orders the kinds of
 * work: 0 enum values added before a commit, 1 the main work, 2 concurrent work, 3 what finishes it.
 *
 * @param what a short description for people: {@code add column}, {@code create index concurrently}
 * @param invalidates whether PostgreSQL refuses this step while other objects depend on the target
 *     (a column's type change under a view), so that the engine must rebuild those around it
 * @param needs objects (beyond the target's own dependencies) that must exist before this step
 * @param releases objects (beyond the target's own) whose drop must wait for this step
 */
public record Step(ObjectId target, Action action, String what, List<String> up, List<String> down,
    boolean transactional, boolean commitAfter, int phase, Set<Hazard> hazards, List<String> notes,
    boolean invalidates, List<ObjectId> needs, List<ObjectId> releases) {

  public Step {
    up = List.copyOf(up);
    down = List.copyOf(down);
    hazards = hazards.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hazards));
    notes = List.copyOf(notes);
    needs = List.copyOf(needs);
    releases = List.copyOf(releases);
  }

  /** A transactional step of the main phase. */
  public static Step of(ObjectId target, Action action, String what, List<String> up, List<String> down) {
    return new Step(target, action, what, up, down, true, false, 1, Set.of(), List.of(), false, List.of(), List.of());
  }

  /** A transactional step of at most one statement each way (null for none). */
  public static Step of(ObjectId target, Action action, String what, String up, String down) {
    return of(target, action, what, up == null ? List.of() : List.of(up), down == null ? List.of() : List.of(down));
  }

  private Step with(List<String> up, List<String> down, boolean transactional, boolean commitAfter, int phase,
      Set<Hazard> hazards, List<String> notes, boolean invalidates, List<ObjectId> needs, List<ObjectId> releases) {
    return new Step(target, action, what, up, down, transactional, commitAfter, phase, hazards, notes, invalidates,
        needs, releases);
  }

  /** The same step, run outside a transaction in the concurrent phase. */
  public Step concurrent() {
    return with(up, down, false, false, 2, hazards, notes, invalidates, needs, releases);
  }

  /** The same step, in the phase that finishes concurrent work. */
  public Step finishing() {
    return with(up, down, transactional, commitAfter, 3, hazards, notes, invalidates, needs, releases);
  }

  /** The same step, in the leading phase that ends with a commit (a new enum value must commit before use). */
  public Step leading() {
    return with(up, down, transactional, true, 0, hazards, notes, invalidates, needs, releases);
  }

  public Step hazard(Hazard h) {
    Set<Hazard> more = hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(hazards);
    more.add(h);
    return with(up, down, transactional, commitAfter, phase, more, notes, invalidates, needs, releases);
  }

  /** The same step with a comment for the revision file (written before its statements). */
  public Step note(String note) {
    List<String> more = new ArrayList<>(notes);
    more.add(note);
    return with(up, down, transactional, commitAfter, phase, hazards, more, invalidates, needs, releases);
  }

  public Step invalidating() {
    return with(up, down, transactional, commitAfter, phase, hazards, notes, true, needs, releases);
  }

  /** The same step, run after whatever creates or changes {@code id}. */
  public Step needs(ObjectId id) {
    List<ObjectId> more = new ArrayList<>(needs);
    more.add(id);
    return with(up, down, transactional, commitAfter, phase, hazards, notes, invalidates, more, releases);
  }

  /** The same step, run before whatever drops {@code id}. */
  public Step releases(ObjectId id) {
    List<ObjectId> more = new ArrayList<>(releases);
    more.add(id);
    return with(up, down, transactional, commitAfter, phase, hazards, notes, invalidates, needs, more);
  }

  Step withUp(List<String> statements) {
    return with(statements, down, transactional, commitAfter, phase, hazards, notes, invalidates, needs, releases);
  }

  Step withDown(List<String> statements) {
    return with(up, statements, transactional, commitAfter, phase, hazards, notes, invalidates, needs, releases);
  }
}
