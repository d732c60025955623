package retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Squashes, with Django's semantics in Alembic's graph. A squash is a revision that replaces a range
 * of others ({@code -- replaces: a, b, c}, the range's last revision, END, last); its upgrade makes
 * what the range makes. Which of the two a database follows depends on its version rows:
 *
 * <ul>
 *   <li>none of the range applied (at base, or at the range's parent) or all of it (at END or past
 *       it): the squash <em>stands for</em> END: the graph has one revision with END's id, the
 *       squash's parents and the squash's file, in place of the range. Its upgrade writes END's id
 *       to the version table, so databases upgraded through the squash and through the replaced
 *       files have the same rows, and the revisions after END follow it unchanged;</li>
 *   <li>part of the range applied (a row names a replaced revision other than END): the database
 *       follows the replaced files until it is past END, and the squash is left out.</li>
 * </ul>
 *
 * <p>The squash's own id is an alias of END where it stands (a target may name either). Its log rows
 * carry its own id and checksum, the replaced files' theirs, so that the checksum check holds a file
 * to what was applied from it.
 */
public final class Squashes {

  /**
   * The revisions a database follows: the files' revisions with each squash in place of its range or
   * left out; {@code standing} maps END's id to the squash that stands for it, {@code aliases} a
   * standing squash's own id to END's.
   */
  public record Selection(List<Revision> revisions, Map<String, Revision> standing, Map<String, String> aliases) {

    public Selection {
      revisions = List.copyOf(revisions);
      standing = Map.copyOf(standing);
      aliases = Map.copyOf(aliases);
    }
  }

  private Squashes() {}

  /** Whether any of the revisions is a squash. */
  public static boolean any(Collection<Revision> revisions) {
    for (Revision r : revisions) {
      if (r.isSquash()) {
        return true;
      }
    }
    return false;
  }

  /** The revisions a database with these version rows follows (see the class comment). */
  public static Selection select(List<Revision> files, Collection<String> rows) {
    Map<String, Revision> view = new LinkedHashMap<>();
    List<Revision> squashes = new ArrayList<>();
    for (Revision r : files) {
      if (r.isSquash()) {
        squashes.add(r);
      } else {
        view.putIfAbsent(r.id(), r);
      }
    }
    Set<String> applied = new HashSet<>(rows);
    Map<String, Revision> standing = new HashMap<>();
    Map<String, String> aliases = new HashMap<>();
    for (Revision s : innerFirst(squashes)) {
      List<String> range = s.replaces();
      String end = range.get(range.size() - 1);
      boolean inside = false;
      for (String r : range.subList(0, range.size() - 1)) {
        inside |= applied.contains(r);
      }
      if (inside) {
        List<String> missing = new ArrayList<>();
        for (String r : range) {
          if (!view.containsKey(r)) {
            missing.add(r);
          }
        }
        if (!missing.isEmpty()) {
          throw new GraphException.ReplacedMissing(s.source(), s.id(), missing);
        }
        continue;                                   // inside the range: the replaced files are followed
      }
      for (String r : range) {
        view.remove(r);
        standing.remove(r);
      }
      Revision stand = new Revision(end, s.downRevisions(), s.dependsOn(), s.branchLabels(), s.source(), range);
      view.put(end, stand);
      standing.put(end, s);
      aliases.put(s.id(), end);
    }
    List<Revision> out = new ArrayList<>(view.size());
    for (Revision r : files) {
      String id = r.isSquash() ? r.replaces().get(r.replaces().size() - 1) : r.id();
      if (r.isSquash() ? standing.get(id) == r : view.get(id) == r) {
        out.add(view.get(id));                      // in file order, as the graph breaks its ties
      }
    }
    return new Selection(out, standing, aliases);
  }

  /**
   * The squashes in an order where one whose range holds another squash's END (a squash of a range
   * that an earlier squash already stands in) comes after it.
   */
  private static List<Revision> innerFirst(List<Revision> squashes) {
    if (squashes.size() < 2) {
      return squashes;
    }
    List<Revision> out = new ArrayList<>();
    List<Revision> left = new ArrayList<>(squashes);
    while (!left.isEmpty()) {
      Revision next = left.get(0);
      for (Revision s : left) {
        boolean holdsAnother = false;
        for (Revision t : left) {
          holdsAnother |= t != s && s.replaces().contains(t.replaces().get(t.replaces().size() - 1));
        }
        if (!holdsAnother) {
          next = s;
          break;
        }
      }
      out.add(next);
      left.remove(next);
    }
    return out;
  }
}
