package retort.graph;

import java.util.Set;

/** The revision a name that is none most likely meant: a file name, a shortened id, a typo. */
final class Closest {

  private Closest() {}

  static String of(String name, Set<String> ids, Set<String> labels) {
    String best = null;
    for (String id : ids) {                       // 0003_add_sources: the file name of revision 0003
      if ((name.startsWith(id + "_") || name.startsWith(id + ".")) && (best == null || id.length() > best.length())) {
        best = id;
      }
    }
    if (best != null) {
      return best;
    }
    for (String id : ids) {                       // 4c1f: the start of 4c1f0e9a2b7d, as targets allow
      if (name.length() >= 4 && id.startsWith(name)) {
        if (best != null) {
          return null;
        }
        best = id;
      }
    }
    if (best != null) {
      return best;
    }
    int bestDistance = 3;
    for (Set<String> names : java.util.List.of(ids, labels)) {
      for (String candidate : names) {
        int d = distance(name, candidate);
        if (d < bestDistance && d <= Math.max(1, name.length() / 4)) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Levenshtein distance, with a swap of neighbours as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        d[i][j] = Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1, d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
