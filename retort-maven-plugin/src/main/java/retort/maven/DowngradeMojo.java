package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.Config;
import retort.MigrationResult;

/** Undoes the applied migrations above the target: {@code mvn retort:downgrade -Dretort.target=-1}. */
@Mojo(name = "downgrade", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DowngradeMojo extends AbstractRetortMojo {

  /** Where to go down to: -1, a revision, base. */
  @Parameter(property = "retort.target", required = true)
  private String target;

  /** Confirm the run for an environment with confirm = true. */
  @Parameter(property = "retort.yes", defaultValue = "false")
  private boolean yes;

  /** Downgrade although the environment says allow_downgrade = false (the default for prod). */
  @Parameter(property = "retort.allowDowngrade", defaultValue = "false")
  private boolean allowDowngrade;

  @Override
  protected void run() throws MojoFailureException {
    Config config = config();
    Guard.confirm(config, yes);
    if (!config.environment().allowDowngrade() && !allowDowngrade) {
      throw new MojoFailureException("environment " + config.environment().name()
          + " does not allow downgrades (allow_downgrade = false)\nhint: pass -Dretort.allowDowngrade=true if you mean it");
    }
    MigrationResult result = retort(config).downgrade(target);
    getLog().info("retort: " + result.steps().size() + " migration(s) undone; now at "
        + (result.headsAfter().isEmpty() ? "base" : String.join(", ", result.headsAfter())));
  }
}
