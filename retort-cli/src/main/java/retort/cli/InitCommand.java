package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import retort.Retort;

/** {@code retort init DIR}: a new migration environment. */
@Command(mixinStandardHelpOptions = true, name = "init", description = "Create a migration environment: retort.toml, migrations/versions, the template.")
final class InitCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "DIR", description = "The directory to create it in.")
  Path dir;

  @Override
  public void run() {
    Path created = Retort.init(dir);
    parent.console.out().println("Created " + created.resolve("retort.toml") + " and "
        + created.resolve("migrations").resolve("versions") + "; next: `retort -c "
        + created.resolve("retort.toml") + " revision -m \"first\"`");
  }
}
