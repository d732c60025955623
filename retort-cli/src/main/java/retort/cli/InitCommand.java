package retort.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import retort.Retort;

/** {@code retort init DIR}: a new migration environment. */
final class InitCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  InitCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "init", "Create a migration environment: retort.toml, migrations/versions, the template.");
    spec.addPositional(Args.positional("DIR", "The directory to create it in.").type(Path.class).build());
    Args.examples(spec,
        "retort init billing-db", "billing-db/retort.toml, billing-db/migrations/versions/ and the template",
        "retort init .", "a migration environment in the current directory");
  }

  @Override
  public void run() {
    Path dir = Args.positional(spec);
    Path created = Retort.init(dir);
    parent.console.out().println("Created " + created.resolve("retort.toml") + " and "
        + created.resolve("migrations").resolve("versions") + "; next: `retort -c "
        + created.resolve("retort.toml") + " revision -m \"first\"`");
  }
}
