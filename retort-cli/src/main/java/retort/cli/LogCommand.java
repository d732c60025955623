package retort.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import retort.LogRecord;
import retort.RetortException;

/** {@code retort log [-n N]}: the runs recorded in retort_log, oldest first, one line per step. */
final class LogCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  LogCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "log",
        "Show the log of runs (retort_log): when, who, environment, revision, direction, outcome, duration, error.");
    spec.addOption(Args.value("N", "The last N steps (default 20; 0 for all).", "-n", "--limit").type(int.class)
        .defaultValue("20").build());
    spec.addOption(Args.format("one JSON document for scripts."));
    Args.examples(spec,
        "retort log", "the last 20 steps on the dev database, the newest last",
        "retort -e prod log -n 100", "the last 100 steps on prod",
        "retort log --format json", "the same as JSON, for a script");
  }

  @Override
  public void run() {
    int limit = Args.value(spec, "--limit");
    if (limit < 0) {
      throw new RetortException(RetortException.Kind.USAGE, null, "-n must be 0 (all) or more", "write -n 20");
    }
    try (Session session = parent.session()) {
      List<LogRecord> newestFirst = session.retort().log(limit == 0 ? Integer.MAX_VALUE : limit);
      List<LogRecord> rows = new ArrayList<>(newestFirst);
      java.util.Collections.reverse(rows);
      if (Args.format(spec) == Format.json) {
        List<String> objects = new ArrayList<>(rows.size());
        for (LogRecord r : rows) {
          objects.add(json(r));
        }
        JsonOutput.print(parent.console.out(), JsonOutput.array(objects));
        return;
      }
      if (rows.isEmpty()) {
        parent.console.info("The log is empty: no migration has run on " + session.target());
        return;
      }
      List<String[]> table = new ArrayList<>();
      table.add(new String[] {"when (UTC)", "who", "env", "revision", "direction", "outcome", "took", "error / note"});
      for (LogRecord r : rows) {
        String error = r.error() == null ? "" : r.error().strip().lines().findFirst().orElse("");
        String note = r.note() == null ? "" : "note: " + r.note();
        table.add(new String[] {when(r.started()), nz(r.databaseUser()), nz(r.environment()), r.revision(), r.direction(),
            r.outcome(), took(r.durationMillis()), error.isEmpty() ? note : note.isEmpty() ? error : error + "; " + note});
      }
      print(table);
    }
  }

  /** The rows in columns, each as wide as its widest cell, the last (the error) as it is. */
  private void print(List<String[]> table) {
    int[] width = new int[table.get(0).length - 1];
    for (String[] row : table) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : table) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
      }
      parent.console.out().println(line.append(row[width.length]).toString().stripTrailing());
    }
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }

  static String when(Instant t) {
    return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
  }

  static String took(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String json(LogRecord r) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"started\": ").append(JsonOutput.string(r.started() == null ? null : r.started().toString()));
    b.append(", \"finished\": ").append(JsonOutput.string(r.finished() == null ? null : r.finished().toString()));
    b.append(", \"duration_ms\": ").append(r.durationMillis());
    b.append(", \"user\": ").append(JsonOutput.string(r.databaseUser()));
    b.append(", \"environment\": ").append(JsonOutput.string(r.environment()));
    b.append(", \"revision\": ").append(JsonOutput.string(r.revision()));
    b.append(", \"direction\": ").append(JsonOutput.string(r.direction()));
    b.append(", \"outcome\": ").append(JsonOutput.string(r.outcome()));
    b.append(", \"error\": ").append(JsonOutput.string(r.error()));
    b.append(", \"note\": ").append(JsonOutput.string(r.note()));
    return b.append('}').toString();
  }
}
