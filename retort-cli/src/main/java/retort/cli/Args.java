package retort.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' options, declared with picocli's programmatic model and read back after parsing.
 * Annotations would cost every run a reflective pass over the command classes and a proxy class per
 * annotation type, a good part of a short command's start-up; the model built here is the same.
 */
final class Args {

  private Args() {}

  /** A command named {@code name} that runs {@code command}, with {@code -h} and {@code -V} like picocli's standard ones. */
  static CommandSpec command(Runnable command, String name, String description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.usageMessage().description(description);
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  /**
   * Ends the command's help with a pointer to the global options and with examples, each a command
   * line and what it does.
   */
  static void examples(CommandSpec spec, String... commandsAndWhat) {
    StringBuilder b = new StringBuilder("%nGlobal options (-c FILE, -e ENV, --url URL, -y, --debug): see `retort --help`.%n%nExamples:");
    for (int i = 0; i + 1 < commandsAndWhat.length; i += 2) {
      b.append("%n  ").append(commandsAndWhat[i]).append("%n      ").append(commandsAndWhat[i + 1]);
    }
    spec.usageMessage().footer(b.toString());
  }

  /** An option without a value: false unless given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).description(description).build();
  }

  /** An option with one value. */
  static OptionSpec.Builder value(String label, String description, String... names) {
    return OptionSpec.builder(names).type(String.class).paramLabel(label).description(description);
  }

  /** {@code --format text|json}, as the listing commands take it. */
  static OptionSpec format(String json) {
    return OptionSpec.builder("--format").type(Format.class).paramLabel("FORMAT").defaultValue("text")
        .description("text (default) or json: " + json).build();
  }

  /** The one positional parameter of a command, required unless its arity is changed. */
  static PositionalParamSpec.Builder positional(String label, String description) {
    return PositionalParamSpec.builder().index("0").arity("1").required(true).type(String.class).paramLabel(label).description(description);
  }

  /**
   * Lets the command's target start with a minus ({@code -1}, {@code -1:head}): an argument that is
   * not one of its options is read as the target, and {@link #target} refuses one that is no target.
   */
  static void targetMayStartWithMinus(CommandSpec spec) {
    spec.parser().unmatchedOptionsArePositionalParams(true);
  }

  /** The command's target; an unknown option that took its place is refused as such, with the closest option. */
  static String target(CommandSpec spec) {
    String target = positional(spec);
    if (target != null && target.startsWith("-") && !target.matches("-\\d+(:.*)?")) {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (OptionSpec o : spec.options()) {
        names.addAll(java.util.List.of(o.names()));
      }
      String near = Suggest.closest(target.replaceFirst("=.*", ""), names);
      throw new retort.RetortException(retort.RetortException.Kind.USAGE, null, "unknown option '" + target + "'",
          (near == null ? "" : "did you mean `" + near + "`? ") + "see `retort " + spec.name() + " --help`");
    }
    return target;
  }

  // ---- reading, after parsing

  static boolean flag(CommandSpec spec, String name) {
    return Boolean.TRUE.equals(spec.findOption(name).getValue());
  }

  static <T> T value(CommandSpec spec, String name) {
    return spec.findOption(name).getValue();
  }

  static <T> T positional(CommandSpec spec) {
    return spec.positionalParameters().get(0).getValue();
  }

  static Format format(CommandSpec spec) {
    return value(spec, "--format");
  }

  /** The values of a repeatable option or parameter list, empty when none was given. */
  static List<String> values(Object value) {
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) value;
    return list == null ? List.of() : list;
  }
}
