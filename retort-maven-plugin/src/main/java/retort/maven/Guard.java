package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import retort.Config;

/** The environment's policy that a build cannot ask about: confirm = true needs -Dretort.yes. */
final class Guard {

  private Guard() {}

  static void confirm(Config config, boolean yes) throws MojoFailureException {
    if (config.environment().confirm() && !yes) {
      throw new MojoFailureException("environment " + config.environment().name()
          + " asks for confirmation (confirm = true), which a build cannot give"
          + "\nhint: pass -Dretort.yes=true to confirm");
    }
  }
}
