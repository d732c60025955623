package retort.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import retort.DriftFinding;
import retort.DriftReport;
import retort.RetortException;

/**
 * {@code retort drift}: whether the database is what its migrations say it is. Exit 0 when it is, 1
 * when objects were added, removed or changed outside migrations (each named), 2 when the checkout
 * cannot say (a revision it does not know, no version table), 3 when a lock held elsewhere kept it
 * from reading. {@code --sql} prints what would take the database back; drift itself changes nothing.
 */
final class DriftCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  DriftCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "drift",
        "Compare the database with the revisions it records; exit 1 when objects changed outside migrations.");
    spec.addOption(Args.flag("Print the SQL that would take the database back to its recorded state (drift runs nothing).",
        "--sql"));
    spec.addOption(Args.format("the findings, one object each"));
    Args.examples(spec,
        "retort -e staging drift", "every object added, removed or changed by hand; exit 1 when any",
        "retort -e staging drift --sql", "the SQL that takes staging back to what its revisions make");
  }

  @Override
  public void run() {
    try (Session session = parent.session()) {
      DriftReport report = session.retort().drift(session.scratch());
      for (String w : report.warnings()) {
        parent.console.info("warning: " + w);
      }
      if (Args.flag(spec, "--sql")) {
        parent.console.out().print(report.sql());
      } else if (Args.format(spec) == Format.json) {
        JsonOutput.print(parent.console.out(), json(report.findings()));
      } else {
        for (DriftFinding f : report.findings()) {
          parent.console.out().println(f.description());
        }
      }
      parent.console.out().flush();
      String at = report.recorded().isEmpty() ? "base" : String.join(", ", report.recorded());
      if (!report.isEmpty()) {
        int n = report.findings().size();
        throw new RetortException(RetortException.Kind.ERROR, null, session.target() + " has drifted: " + n
            + " object" + (n == 1 ? "" : "s") + " differ" + (n == 1 ? "s" : "") + " from what " + at + " make"
            + (report.recorded().size() == 1 ? "s" : ""), Args.flag(spec, "--sql")
                ? "review the SQL above before running it, or write the change as a migration"
                : "`retort drift --sql` prints the SQL that takes it back; or write the change as a migration");
      }
      if (Args.format(spec) == Format.text && !Args.flag(spec, "--sql")) {
        parent.console.info("No drift: the database is what " + at + " make" + (report.recorded().size() == 1 ? "s" : ""));
      }
    }
  }

  static String json(List<DriftFinding> findings) {
    List<String> objects = new ArrayList<>();
    for (DriftFinding f : findings) {
      List<String> attributes = new ArrayList<>();
      for (DriftFinding.Attribute a : f.attributes()) {
        attributes.add("{\"name\": " + JsonOutput.string(a.name()) + ", \"recorded\": " + JsonOutput.string(a.recorded())
            + ", \"live\": " + JsonOutput.string(a.live()) + "}");
      }
      objects.add("{\"kind\": " + JsonOutput.string(f.kind()) + ", \"object\": " + JsonOutput.string(f.object())
          + ", \"change\": " + JsonOutput.string(f.change()) + ", \"attributes\": [" + String.join(", ", attributes)
          + "], \"description\": " + JsonOutput.string(f.description()) + "}");
    }
    return JsonOutput.array(objects);
  }
}
