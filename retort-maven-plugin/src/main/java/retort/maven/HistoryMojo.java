package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.RevisionInfo;

/** Every revision, newest first, marking (head) and (current): {@code mvn retort:history}. */
@Mojo(name = "history", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class HistoryMojo extends AbstractRetortMojo {

  /** A range START:END (base:head, -3:, current:); all when not set. */
  @Parameter(property = "retort.range")
  private String range;

  /** List the revisions without connecting, so without (current). */
  @Parameter(property = "retort.offline", defaultValue = "false")
  private boolean offline;

  @Override
  protected void run() throws MojoFailureException {
    var retort = offline ? offline(offlineConfig()) : retort(config());
    for (RevisionInfo r : retort.history(range, !offline)) {
      getLog().info(Lines.line(r));
    }
  }
}
