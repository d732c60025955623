package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help a newcomer can live in: examples on every command, global options once, `retort help COMMAND`, "did you mean". */
class HelpTest {

  @TempDir Path tmp;

  private static List<String> examples(String help) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : help.lines().toList()) {
      in |= line.equals("Examples:");
      if (in && line.startsWith("  retort ")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** The arguments of an example, as a shell would split them, up to a pipe or a redirection. */
  private static List<String> words(String example) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : example.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else if ((c == '|' || c == '>') && word.length() == 0) {
        break;
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words.subList(1, words.size());         // without "retort"
  }

  @Test
  void everyCommandsHelpEndsWithExamplesThatParseAndListsOnlyItsOwnOptions() {
    CliRun top = CliRun.of("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("-c, --config=FILE").contains("--url=URL").contains("-y, --yes").contains("--debug");
    List<String> commands = RetortCommand.COMMANDS;
    assertThat(commands).contains("help");
    for (String command : commands) {
      CliRun help = CliRun.of(command, "--help");

      assertThat(help.exitCode()).as(command).isZero();
      assertThat(top.out()).as(command).contains("  " + command + " ");
      assertThat(help.out()).as(command).contains("\nGlobal options (-c FILE, -e ENV, --url URL, -y, --debug): see `retort --help`.");
      assertThat(help.out().substring(0, help.out().indexOf("\nGlobal options"))).as(command)
          .doesNotContain("--config").doesNotContain("--url").doesNotContain("--yes").doesNotContain("--debug");
      List<String> examples = examples(help.out());
      assertThat(examples).as(command).hasSizeBetween(2, 3);
      assertThat(help.out().substring(help.out().indexOf("\nExamples:"))).as(command)
          .matches("(?s)\nExamples:(\n  retort [^\n]+\n      [^\n]+)+\n");
      for (String example : examples) {
        List<String> args = words(example);
        assertThat(args).as(example).contains(command);
        assertThat(parses(args)).as(example).isNull();
      }
    }
  }

  /** The parse error of these arguments, as the real command line builds its commands; null when they parse. */
  private static String parses(List<String> args) {
    String[] array = args.toArray(new String[0]);
    RetortCommand top = new RetortCommand(new Console(new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream())), Map.of());
    CommandLine cli = new CommandLine(top.spec);
    top.addSubcommands(cli, array);
    try {
      CommandLine.ParseResult parsed = cli.parseArgs(array);
      Object value = parsed.subcommand() == null || parsed.subcommand().commandSpec().positionalParameters().isEmpty()
          ? null : parsed.subcommand().commandSpec().positionalParameters().get(0).getValue();
      String target = value == null ? null : value.toString();
      return target != null && target.startsWith("-") && !target.matches("-\\d+(:.*)?") ? "unknown option " + target : null;
    } catch (CommandLine.ParameterException e) {
      return e.getMessage();
    }
  }

  @Test
  void helpCommandPrintsTheCommandsHelp() {
    CliRun viaHelp = CliRun.of("help", "upgrade");
    CliRun viaOption = CliRun.of("upgrade", "--help");

    assertThat(viaHelp.exitCode()).isZero();
    assertThat(viaHelp.out()).isEqualTo(viaOption.out()).startsWith("Usage: retort upgrade ");

    CliRun all = CliRun.of("help");
    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).isEqualTo(CliRun.of("--help").out());
    assertThat(all.out().indexOf("  init ")).isLessThan(all.out().indexOf("  help "));

    CliRun typo = CliRun.of("help", "upgrdae");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("error: unknown command 'upgrdae'\n"
        + "hint: did you mean `retort help upgrade`? `retort help` lists the commands\n");
  }

  @Test
  void anUnknownCommandOrOptionNamesTheClosest() {
    CliRun command = CliRun.of("upgrdae");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).isEqualTo("error: unknown command 'upgrdae'\n"
        + "hint: did you mean `retort upgrade`? `retort help` lists the commands\n");

    CliRun install = CliRun.of("install");
    assertThat(install.exitCode()).isEqualTo(2);
    assertThat(install.err()).isEqualTo("error: `install` is a command of the launcher, not of the jar\n"
        + "hint: run `./retort install [DIR]` in the checkout, or `bin/retort install [DIR]` in the distribution\n");

    CliRun far = CliRun.of("frobnicate");
    assertThat(far.err()).isEqualTo("error: unknown command 'frobnicate'\nhint: `retort help` lists the commands\n");

    CliRun option = CliRun.of("history", "--grpah");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).isEqualTo("error: unknown option '--grpah'\n"
        + "hint: did you mean `--graph`? see `retort history --help`\n");

    // upgrade and downgrade take targets that start with a minus, and still know an option from a target
    CliRun afterTarget = CliRun.of("upgrade", "head", "--resum");
    assertThat(afterTarget.exitCode()).isEqualTo(2);
    assertThat(afterTarget.err()).startsWith("error: unknown option '--resum'\nhint: did you mean `--resume`?");
    CliRun asTarget = CliRun.of("downgrade", "--allow-downgarde");
    assertThat(asTarget.exitCode()).isEqualTo(2);
    assertThat(asTarget.err()).startsWith("error: unknown option '--allow-downgarde'\nhint: did you mean `--allow-downgrade`?");
  }

  @Test
  void globalOptionsACommandDoesNotUseAreRefused() {
    Project p = Project.create(tmp, "postgresql://nobody@127.0.0.1:9/none");

    CliRun envs = p.run("envs", "--url", "postgresql://u:pw@db/x");
    assertThat(envs.exitCode()).isEqualTo(2);
    assertThat(envs.err()).isEqualTo("error: --url: `retort envs` does not use --url: it shows every environment's own url\n"
        + "hint: leave out --url\n");

    CliRun heads = p.run("heads", "--yes");
    assertThat(heads.exitCode()).isEqualTo(2);
    assertThat(heads.err()).startsWith("error: --yes: `retort heads` does not use --yes");

    CliRun init = CliRun.of("-c", p.toml.toString(), "init", tmp.resolve("new").toString());
    assertThat(init.exitCode()).isEqualTo(2);
    assertThat(init.err()).startsWith("error: -c: `retort init` does not use -c");
    assertThat(tmp.resolve("new")).doesNotExist();
  }
}
