package retort.cli;

import picocli.CommandLine.Model.CommandSpec;
import java.util.List;
import java.util.stream.Collectors;
import retort.RetortException;
import retort.RevisionInfo;

/** {@code retort envs}: every environment at a glance: where it is, its revision, what is pending. */
final class EnvsCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  EnvsCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "envs",
        "One line per environment: URL (password masked), current revision, pending migrations.");
    spec.addOption(Args.flag("Add a column: whether each reachable database is what its migrations say (see drift).",
        "--drift"));
    Args.examples(spec,
        "retort envs", "dev, staging and prod: URL, revision, pending count",
        "retort envs --drift", "and whether each reachable database has drifted from its migrations",
        "retort -c deploy/retort.toml envs", "the environments of another config file");
  }

  @Override
  public void run() {
    ConfigFile file = parent.configFile();
    List<String> names = file.environmentNames();
    if (names.isEmpty()) {
      throw new RetortException(RetortException.Kind.USAGE, file.file().toString(), "no environment is configured",
          "add [env.dev] with url = \"embedded\" (or a postgresql:// URL)");
    }
    boolean drift = Args.flag(spec, "--drift");
    List<String[]> rows = new java.util.ArrayList<>();
    Session scratch = null; // the session of the first reachable environment starts the one scratch server
    try {
      for (String name : names) {
        String[] row = line(parent, file, name).split("\t", 3);
        boolean reachable = !row[2].startsWith("unreachable: ") && !row[2].startsWith("not configured: ");
        if (!drift || !reachable) {
          rows.add(row);
          continue;
        }
        scratch = scratch != null ? scratch : parent.session(file, name);
        try (Session env = parent.session(file, name)) {
          rows.add(new String[] {row[0], row[1], row[2], DriftColumn.of(env, scratch.scratch())});
        }
      }
    } finally {
      if (scratch != null) {
        scratch.close();
      }
    }
    print(rows);
  }

  private void print(List<String[]> rows) {
    int[] width = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < row.length - 1; i++) {
        out.append(String.format("%-" + width[i] + "s  ", row[i]));
      }
      parent.console.out().println(out.append(row[row.length - 1]));
    }
  }

  private static String line(RetortCommand parent, ConfigFile file, String name) {
    try (Session env = parent.session(file, name)) {
      String target = env.target();
      List<RevisionInfo> current;
      try {
        current = env.retort().current();
      } catch (RetortException e) {
        return name + "\t" + target + "\tunreachable: " + e.getMessage();
      }
      String at = current.isEmpty() ? "base"
          : current.stream().map(Render::idWithoutCurrent).collect(Collectors.joining(", "));
      try {
        int pending = env.retort().pending().size();
        return name + "\t" + target + "\t" + at + ", " + (pending == 0 ? "up to date" : pending + " pending");
      } catch (RetortException e) {
        return name + "\t" + target + "\t" + at + ", pending unknown: " + e.getMessage();
      }
    } catch (RetortException e) {
      return name + "\t-\tnot configured: " + e.describe();
    }
  }
}
