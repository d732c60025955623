package retort.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import retort.RevisionInfo;

/** The revision(s) the database is at: {@code mvn retort:current}. */
@Mojo(name = "current", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CurrentMojo extends AbstractRetortMojo {

  @Override
  protected void run() throws MojoFailureException {
    List<RevisionInfo> current = retort(config()).current();
    if (current.isEmpty()) {
      getLog().info("retort: the database is at base (no migration applied)");
    }
    for (RevisionInfo r : current) {
      getLog().info(Lines.id(r));
    }
  }
}
