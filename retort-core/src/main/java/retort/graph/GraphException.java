package retort.graph;

import java.util.List;

/**
 * A problem with the graph or with a target named against it. Each subclass carries the data the
 * facade needs to tell the user what is wrong and what to do.
 */
public abstract sealed class GraphException extends RuntimeException {

  private GraphException(String message) {
    super(message, null, false, false);
  }

  /** Two files declare the same revision id. */
  public static final class DuplicateRevision extends GraphException {
    private final String id;
    private final List<String> sources;

    DuplicateRevision(String id, List<String> sources) {
      super("revision " + id + " is declared by more than one file: " + String.join(", ", sources));
      this.id = id;
      this.sources = List.copyOf(sources);
    }

    public String id() {
      return id;
    }

    public List<String> sources() {
      return sources;
    }
  }

  /** Two revisions declare the same branch label. */
  public static final class DuplicateLabel extends GraphException {
    private final List<String> sources;

    DuplicateLabel(String label, List<String> sources) {
      super("branch label " + label + " is declared by more than one file: " + String.join(", ", sources));
      this.sources = List.copyOf(sources);
    }

    public List<String> sources() {
      return sources;
    }
  }

  /** A revision names a parent or dependency that no file declares. */
  public static final class MissingRevision extends GraphException {
    private final String source;
    private final String relation;
    private final String missing;
    private final String closest;
    private final int line;

    MissingRevision(String source, String relation, String missing, String closest) {
      this(source, relation, missing, closest, 0);
    }

    private MissingRevision(String source, String relation, String missing, String closest, int line) {
      super(source + ": " + relation + " " + missing + " is not a known revision");
      this.source = source;
      this.relation = relation;
      this.missing = missing;
      this.closest = closest;
      this.line = line;
    }

    public String source() {
      return source;
    }

    /** {@code down_revision} or {@code depends_on}: the header line that names it. */
    public String relation() {
      return relation;
    }

    public String missing() {
      return missing;
    }

    /** The known revision (or label) the name most likely meant, or null. */
    public String closest() {
      return closest;
    }

    /** The line of the header that names it, 0 when unknown. */
    public int line() {
      return line;
    }

    public MissingRevision atLine(int headerLine) {
      return new MissingRevision(source, relation, missing, closest, headerLine);
    }
  }

  /** Revisions that descend from themselves. */
  public static final class Cycle extends GraphException {
    private final List<String> sources;

    Cycle(List<String> sources) {
      super("revisions form a cycle: " + String.join(" -> ", sources));
      this.sources = List.copyOf(sources);
    }

    public List<String> sources() {
      return sources;
    }
  }

  /** A name that matches no revision, prefix or branch label. */
  public static final class UnknownRevision extends GraphException {
    private final String name;
    private final String closest;

    UnknownRevision(String name, String closest) {
      super("no revision, prefix or branch label matches '" + name + "'");
      this.name = name;
      this.closest = closest;
    }

    public String name() {
      return name;
    }

    /** The revision, label or keyword the name most likely meant, or null. */
    public String closest() {
      return closest;
    }
  }

  /** A prefix shared by several revisions. */
  public static final class AmbiguousRevision extends GraphException {
    private final List<String> candidates;

    AmbiguousRevision(String prefix, List<String> candidates) {
      super("'" + prefix + "' is the prefix of several revisions: " + String.join(", ", candidates));
      this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
      return candidates;
    }
  }

  /** A single revision was asked for where several heads exist. */
  public static final class MultipleHeads extends GraphException {
    private final List<String> heads;
    private final String argument;

    MultipleHeads(List<String> heads, String argument) {
      super("'" + argument + "' is ambiguous: there are several heads: " + String.join(", ", heads));
      this.heads = List.copyOf(heads);
      this.argument = argument;
    }

    public List<String> heads() {
      return heads;
    }

    public String argument() {
      return argument;
    }
  }

  /** A target that cannot be reached from where the database is, or a walk that cannot be made. */
  public static final class InvalidTarget extends GraphException {
    private final String target;

    InvalidTarget(String target, String reason) {
      super("cannot move to '" + target + "': " + reason);
      this.target = target;
    }

    public String target() {
      return target;
    }
  }

  /** The database records a revision that no file declares. */
  public static final class UnknownApplied extends GraphException {
    private final String id;

    UnknownApplied(String id) {
      super("the database is at revision " + id + ", which no migration file declares");
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * A database inside a squash's range (a row names a revision the squash replaces, other than the
   * range's last) whose replaced files are no longer there to follow.
   */
  public static final class ReplacedMissing extends GraphException {
    private final String source;
    private final List<String> missing;

    ReplacedMissing(String source, String squash, List<String> missing) {
      super("the database is inside the range that " + squash + " squashes, and the files of "
          + String.join(", ", missing) + " it replaces are gone");
      this.source = source;
      this.missing = List.copyOf(missing);
    }

    /** The squash's file. */
    public String source() {
      return source;
    }

    public List<String> missing() {
      return missing;
    }
  }
}
