package retort.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when an applied migration's file changed since it ran, or a non-transactional
 * migration stopped part way: {@code mvn retort:validate -Dretort.env=prod}.
 */
@Mojo(name = "validate", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ValidateMojo extends AbstractRetortMojo {

  @Override
  protected void run() throws MojoFailureException {
    List<String> problems = retort(config()).validate();
    if (!problems.isEmpty()) {
      throw new MojoFailureException(String.join("\n", problems)
          + "\nhint: put the files back as they were, or accept an intended edit with `retort stamp --update-checksum REV`");
    }
    getLog().info("retort: every applied migration is as it ran");
  }
}
