package retort.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import retort.RetortException;
import retort.RevisionInfo;

/**
 * {@code retort __complete -- WORD...}: the words that may replace the last one, one per line, for
 * the completion scripts; {@code :files} asks the shell to complete a file name. Never fails: a
 * config that cannot be read means no revision ids or environments.
 */
final class CompleteCommand implements Runnable {

  private static final Set<String> REVISION_COMMANDS = Set.of("upgrade", "downgrade", "stamp", "show", "merge");

  private final RetortCommand parent;
  final CommandSpec spec;

  CompleteCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "__complete", "The words that complete a command line (for the completion scripts).");
    spec.usageMessage().hidden(true);
    spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").type(List.class)
        .auxiliaryTypes(String.class).paramLabel("WORD").build());
  }

  @Override
  public void run() {
    List<String> words = Args.values(spec.positionalParameters().get(0).getValue());
    if (words.isEmpty()) {
      words = List.of("");
    }
    for (String candidate : candidates(words.subList(0, words.size() - 1), words.get(words.size() - 1))) {
      parent.console.out().println(candidate);
    }
  }

  private Set<String> candidates(List<String> before, String current) {
    String config = null;
    String command = null;
    String previous = before.isEmpty() ? "" : before.get(before.size() - 1);
    for (int i = 0; i < before.size(); i++) {
      String w = before.get(i);
      boolean next = i + 1 < before.size();
      if ((w.equals("-c") || w.equals("--config")) && next) {
        config = before.get(++i);
      } else if (w.startsWith("--config=")) {
        config = w.substring("--config=".length());
      } else if (takesValue(w) && next) {
        i++;
      } else if (command == null && !w.startsWith("-")) {
        command = w;
      }
    }
    Set<String> out = new LinkedHashSet<>();
    switch (previous) {
      case "-c", "--config" -> out.add(":files");
      case "-e", "--env" -> out.addAll(environments(config));
      case "--format" -> out.addAll(List.of("text", "json"));
      case "--head", "--depends-on", "-r", "--rev-range" -> out.addAll(revisions(config, true));
      case "--branch-label" -> out.addAll(labels(config));
      case "--from", "--to" -> {
        out.addAll(revisions(config, true));
        out.add("schema");
        for (String env : environments(config)) {
          out.add("env:" + env);
        }
      }
      default -> {
        if (takesValue(previous)) {
          return out;
        }
        if (current.startsWith("-")) {
          out.addAll(options(command));
        } else if (command == null || !RetortCommand.COMMANDS.contains(command)) {
          out.addAll(RetortCommand.COMMANDS);
        } else if (REVISION_COMMANDS.contains(command)) {
          out.addAll(revisions(config, !command.equals("show")));
        } else if (command.equals("help")) {
          out.addAll(RetortCommand.COMMANDS);
        } else if (command.equals("completion")) {
          out.addAll(List.of("bash", "zsh"));
        } else if (command.equals("dev")) {
          out.addAll(List.of("start", "stop", "status", "psql"));
        } else if (command.equals("init")) {
          out.add(":files");
        }
      }
    }
    out.removeIf(c -> !c.startsWith(current) && !c.equals(":files"));
    return out;
  }

  private static boolean takesValue(String option) {
    return List.of("-c", "--config", "-e", "--env", "--url", "-m", "--message", "--head", "--rev-id", "--branch-label",
        "--depends-on", "-r", "--rev-range", "--format", "-n", "--limit", "--skip-promotion-check", "--from", "--to",
        "--rename").contains(option);
  }

  /** The options of the command (the global ones too), or of retort before a command. */
  private List<String> options(String command) {
    List<String> out = new ArrayList<>();
    CommandSpec target = command != null && RetortCommand.COMMANDS.contains(command)
        ? parent.subcommand(command).getCommandSpec() : parent.spec;
    for (OptionSpec o : target.options()) {
      out.addAll(List.of(o.names()));
    }
    if (target != parent.spec) {
      for (OptionSpec o : parent.spec.options()) {
        out.addAll(List.of(o.names()));
      }
    }
    return out;
  }

  private ConfigFile configFile(String config) {
    try {
      return parent.configFile(config);
    } catch (RetortException e) {
      return null;
    }
  }

  private List<String> environments(String config) {
    ConfigFile file = configFile(config);
    return file == null ? List.of() : file.environmentNames();
  }

  /** Revision ids and labels (with label@head), and the symbolic targets when {@code symbols}. */
  private List<String> revisions(String config, boolean symbols) {
    List<String> out = new ArrayList<>();
    if (symbols) {
      out.addAll(List.of("head", "heads", "base"));
    }
    List<RevisionInfo> all = history(config);
    for (String label : labels(all)) {
      out.add(label);
      out.add(label + "@head");
    }
    for (RevisionInfo r : all) {
      out.add(r.revision());
    }
    return out;
  }

  private List<String> labels(String config) {
    return labels(history(config));
  }

  private static List<String> labels(List<RevisionInfo> revisions) {
    Set<String> labels = new java.util.TreeSet<>();
    for (RevisionInfo r : revisions) {
      labels.addAll(r.branchLabels());
    }
    return new ArrayList<>(labels);
  }

  private List<RevisionInfo> history(String config) {
    ConfigFile file = configFile(config);
    if (file == null) {
      return List.of();
    }
    // the files alone: no environment's settings (or variables) are needed to list the revisions
    try (Session session = Session.on(file, "__complete", "embedded", parent.console, parent.environment())) {
      return session.retort().history(null, false);
    } catch (RetortException e) {
      return List.of();
    }
  }
}
