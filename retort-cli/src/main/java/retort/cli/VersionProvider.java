package retort.cli;

import picocli.CommandLine.IVersionProvider;
import retort.Retort;

/** {@code retort --version}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"retort " + Retort.version()};
  }
}
