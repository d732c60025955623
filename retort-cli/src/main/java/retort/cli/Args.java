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
