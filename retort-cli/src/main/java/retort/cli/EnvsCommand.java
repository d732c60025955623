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
    Args.examples(spec,
        "retort envs", "dev, staging and prod: URL, revision, pending count",
        "retort -c deploy/retort.toml envs", "the environments of another config file");
  }

  @Override
  public void run() {
    ConfigFile file = parent.configFile();
    List<String[]> rows = new java.util.ArrayList<>();
    for (String name : file.environmentNames()) {
      rows.add(line(parent, file, name).split("\t", 3));
    }
    if (rows.isEmpty()) {
      throw new RetortException(RetortException.Kind.USAGE, file.file().toString(), "no environment is configured",
          "add [env.dev] with url = \"embedded\" (or a postgresql:// URL)");
    }
    int[] width = new int[2];
    for (String[] row : rows) {
      for (int i = 0; i < 2; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      parent.console.out().println(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %s", (Object[]) row));
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
