package retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.RevisionInfo;

/** The heads of the revision graph, without a database: {@code mvn retort:heads}. */
@Mojo(name = "heads", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class HeadsMojo extends AbstractRetortMojo {

  @Override
  protected void run() throws MojoFailureException {
    for (RevisionInfo r : offline(offlineConfig()).heads()) {
      getLog().info(Lines.id(r) + ", " + r.message() + " (" + r.file() + ")");
    }
  }
}
