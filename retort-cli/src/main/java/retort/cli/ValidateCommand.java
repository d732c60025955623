package retort.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code retort validate}: the files still match what the database applied. */
final class ValidateCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  ValidateCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "validate", "Exit 4 when an applied migration's file changed since it ran, or a run stopped part way.");
    Args.examples(spec,
        "retort validate", "exit 4 when an applied migration's file changed since it ran",
        "retort -e prod validate", "the same against prod");
  }

  @Override
  public void run() {
    try (Session session = parent.session()) {
      session.retort().verify();
      parent.console.out().println("Valid: every applied migration matches its file");
    }
  }
}
