package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.Config;
import retort.MigrationResult;

/** Applies the migrations the target needs ({@code head} by default): {@code mvn retort:upgrade}. */
@Mojo(name = "upgrade", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class UpgradeMojo extends AbstractRetortMojo {

  /** What to upgrade to: head, heads, a revision, a branch label, label@head, +N. */
  @Parameter(property = "retort.target", defaultValue = "head")
  private String target;

  /** Confirm the run for an environment with confirm = true (Maven cannot ask). */
  @Parameter(property = "retort.yes", defaultValue = "false")
  private boolean yes;

  @Override
  protected void run() throws MojoFailureException {
    Config config = config();
    Guard.confirm(config, yes);
    MigrationResult result = retort(config).upgrade(target);
    getLog().info(result.nothingToDo() ? "retort: nothing to do, the database is at " + target
        : "retort: " + result.steps().size() + " migration(s) applied; now at " + String.join(", ", result.headsAfter()));
  }
}
