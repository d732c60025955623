package retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import retort.RetortException;

/** {@code retort validate}: the files still match what the database applied. */
@Command(mixinStandardHelpOptions = true, name = "validate", description = "Exit 4 when an applied migration's file changed since it ran, or a run stopped part way.")
final class ValidateCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      List<String> problems = session.retort().validate();
      if (!problems.isEmpty()) {
        throw new RetortException(RetortException.Kind.VALIDATION, null, String.join("; ", problems),
            "restore the changed files and put the change in a new revision, or accept an intended edit with"
                + " `retort stamp --update-checksum REV`");
      }
      parent.console.out().println("Valid: every applied migration matches its file");
    }
  }
}
