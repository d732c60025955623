package retort.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code retort revision -m MSG}: a new migration file parented on the head. */
@Command(mixinStandardHelpOptions = true, name = "revision", description = "Write a new migration file, parented on the current head.")
final class RevisionCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the migration does.")
  String message;

  @Option(names = "--head", paramLabel = "REV", description = "The parent: a revision, a label@head, or base for a new base.")
  String head;

  @Option(names = "--rev-id", paramLabel = "ID", description = "The revision id instead of a random one.")
  String revId;

  @Option(names = "--branch-label", paramLabel = "NAME", description = "A branch label for the new revision.")
  List<String> branchLabels = new ArrayList<>();

  @Option(names = "--depends-on", paramLabel = "REV", split = ",", description = "Revisions this one depends on.")
  List<String> dependsOn = new ArrayList<>();

  @Override
  public void run() {
    try (Session session = parent.session()) {
      Path file = session.retort().revision(message, head, revId, branchLabels, dependsOn);
      Path base = session.config().scriptLocation();
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
  }
}
