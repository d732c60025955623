package retort.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retort merge REV... -m MSG}: a revision that joins several heads. */
@Command(mixinStandardHelpOptions = true, name = "merge", description = "Write a merge revision whose parents are the given revisions (default: heads).")
final class MergeCommand implements Runnable {

  @ParentCommand RetortCommand parent;

  @Parameters(paramLabel = "REV", arity = "0..*", description = "Revisions to merge (default: heads).")
  List<String> revisions = new ArrayList<>();

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the merge is.")
  String message;

  @Option(names = "--rev-id", paramLabel = "ID", description = "The revision id instead of a random one.")
  String revId;

  @Override
  public void run() {
    try (Session session = parent.session()) {
      Path file = session.retort().merge(message, revisions.isEmpty() ? List.of("heads") : revisions, revId);
      Path base = session.config().scriptLocation();
      parent.console.out().println("Generated " + base.relativize(file) + " in " + base);
    }
  }
}
