package retort.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of a command: its own options only. The global options (-c, -e, --url, -y, --debug)
 * are listed once, by {@code retort --help}; each command's help ends with a pointer to them and
 * with examples.
 */
final class UsageHelp extends CommandLine.Help {

  static final CommandLine.IHelpFactory FACTORY = new Factory();

  UsageHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  private List<OptionSpec> inherited() {
    List<OptionSpec> out = new ArrayList<>();
    for (OptionSpec o : commandSpec().options()) {
      if (o.inherited()) {
        out.add(o);
      }
    }
    return out;
  }

  @Override
  protected CommandLine.Help.Ansi.Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done,
      Comparator<OptionSpec> optionSort, boolean clusterBooleanOptions) {
    List<ArgSpec> skip = new ArrayList<>(done);
    skip.addAll(inherited());
    return super.createDetailedSynopsisOptionsText(skip, optionSort, clusterBooleanOptions);
  }

  @Override
  public String optionList() {
    List<OptionSpec> own = new ArrayList<>();
    for (OptionSpec o : commandSpec().options()) {
      if (!o.inherited() && !o.hidden()) {
        own.add(o);
      }
    }
    return optionListExcludingGroups(own);
  }

  private static final class Factory implements CommandLine.IHelpFactory {
    @Override
    public CommandLine.Help create(CommandSpec spec, ColorScheme colorScheme) {
      return new UsageHelp(spec, colorScheme);
    }
  }
}
