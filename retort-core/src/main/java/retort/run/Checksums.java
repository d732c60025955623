package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import retort.db.LogEntry;
import retort.db.VersionStore;
import retort.graph.Revision;
import retort.script.Checksum;
import retort.script.Fingerprints;
import retort.script.Script;
import retort.script.ScriptDirectory;

/**
 * The check that applied migrations are unchanged: each applied revision's file must still have the
 * checksum its last upgrade or stamp logged. A changed file is named with both checksums and its
 * first changed line, found from the line fingerprints logged with the checksum.
 */
final class Checksums {

  private final ScriptDirectory scripts;
  private final VersionStore store;

  Checksums(ScriptDirectory scripts, VersionStore store) {
    this.scripts = scripts;
    this.store = store;
  }

  /** Refuses (a validation failure) when an applied migration's file changed since it ran. */
  void verify(Connection c, List<String> rows, boolean currentLog) throws Refusal, SQLException {
    List<String> changed = changed(c, rows, currentLog);
    if (!changed.isEmpty()) {
      throw new Refusal(String.join("; ", changed), Runner.validateHint(true, false)
          + ", or run `retort upgrade --allow-changed`", true);
    }
  }

  /** Each applied migration whose file changed since it ran, described; empty when none did. */
  List<String> changed(Connection c, List<String> rows, boolean currentLog) throws SQLException {
    ScriptDirectory scripts = this.scripts.forRows(rows);
    List<String> ids = changedRevisions(scripts, c, rows);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, LogEntry> logged = store.log().lastApplied(c, ids, currentLog);
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      Script script = scripts.script(id);
      LogEntry was = logged.get(id);
      StringBuilder s = new StringBuilder(script.name()).append(": changed after being applied: the checksum logged"
          + " when it ran is ").append(was == null ? "unknown" : was.checksum()).append(", the file's is now ")
          .append(script.checksum());
      if (was == null || was.lineHashes() == null) {
        s.append(" (the first changed line is not known: it was applied by an earlier Retort)");
      } else {
        int line = Fingerprints.firstChangedLine(was.lineHashes(), script);
        s.append(line > 0 ? "; the first changed line is " + script.name() + ":" + line
            : "; no statement changed, only comments or blank lines");
      }
      out.add(s.toString());
    }
    out.sort(null);
    return out;
  }

  /** The applied revisions whose file's checksum differs from the last one logged for them. */
  private List<String> changedRevisions(ScriptDirectory scripts, Connection c, List<String> rows) throws SQLException {
    List<Revision> applied = scripts.graph().applied(rows);
    Supplier<Map<String, String>> files = () -> checksumsOf(scripts, applied);
    Supplier<String> digest = scripts::checksumDigest;
    if (applied.size() < scripts.graph().size()) {
      // not every revision applied: the directory's own digest does not serve, the files' map is needed
      Map<String, String> sums = checksumsOf(scripts, applied);
      files = () -> sums;
      digest = () -> Checksum.digest(sums);
    }
    return store.changedChecksums(c, applied.size(), digest, files);
  }

  private static Map<String, String> checksumsOf(ScriptDirectory scripts, List<Revision> revisions) {
    Map<String, String> sums = new HashMap<>(revisions.size() * 2);
    for (Revision r : revisions) {
      Script s = scripts.script(r);
      sums.put(s.id(), s.checksum());             // by the file's id: a squash's log rows carry its own
    }
    return sums;
  }
}
