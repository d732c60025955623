package retort.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import retort.DatabaseUrl;
import retort.RetortException;
import retort.SchemaChange;
import retort.SchemaDiff;
import retort.SchemaSource;

/**
 * {@code retort diff [--from X] [--to Y]}: the SQL that takes one schema to another, written nowhere;
 * exit 0 when they are the same, 1 when they differ (a CI gate: the declared schema and the
 * migrations agree).
 */
final class DiffCommand implements Runnable {

  private final RetortCommand parent;
  final CommandSpec spec;

  DiffCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "diff", "Print the SQL that takes one schema to another; exit 1 when they differ.");
    String sides = "head, schema, a revision, env:NAME, or a postgresql:// URL";
    spec.addOption(Args.value("X", "Where to start: " + sides + " (default head).", "--from").defaultValue("head").build());
    spec.addOption(Args.value("Y", "Where to go: " + sides + " (default schema).", "--to").defaultValue("schema").build());
    spec.addOption(Args.format("the changes, one object each"));
    Args.examples(spec,
        "retort diff", "head to the declared schema; exit 1 when they differ (a CI gate)",
        "retort diff --from env:prod --to head", "what upgrading prod to head would change");
  }

  @Override
  public void run() {
    String from = Args.value(spec, "--from");
    String to = Args.value(spec, "--to");
    try (Session session = parent.session()) {
      SchemaDiff diff = session.retort().diff(session.scratch(), side(session, from, "--from"), side(session, to, "--to"));
      for (String w : diff.warnings()) {
        parent.console.info("warning: " + w);
      }
      if (Args.format(spec) == Format.json) {
        JsonOutput.print(parent.console.out(), json(diff.changes()));
      } else if (!diff.isEmpty()) {
        parent.console.out().print(diff.sql());
        parent.console.out().flush();
      }
      if (!diff.isEmpty()) {
        throw new RetortException(RetortException.Kind.ERROR, null, from + " and " + to + " differ: "
            + diff.changes().size() + " change" + (diff.changes().size() == 1 ? "" : "s"),
            to.equals("schema") ? "write them as a revision with `retort revision --autogenerate -m MSG`"
                : "the SQL above takes " + from + " to " + to);
      }
      if (Args.format(spec) == Format.text) {
        parent.console.info("No difference between " + from + " and " + to);
      }
    }
  }

  /** A side as written on the command line. */
  private static SchemaSource side(Session session, String text, String option) {
    if (text.equals("head")) {
      return SchemaSource.head();
    }
    if (text.equals("schema")) {
      return SchemaSource.declared(session.schemaLocation());
    }
    if (text.startsWith("env:")) {
      Session other = session.other(text.substring(4));
      return SchemaSource.database(text + " (" + other.target() + ")", other.database());
    }
    if (text.contains("://") || text.startsWith("jdbc:")) {
      DatabaseUrl url = DatabaseUrl.parse(text, option).withDefaultPassword(System.getenv("PGPASSWORD"));
      return SchemaSource.database(url.toString(), () -> url.connect("retort"));
    }
    return SchemaSource.revision(text);
  }

  static String json(List<SchemaChange> changes) {
    List<String> objects = new ArrayList<>();
    for (SchemaChange c : changes) {
      StringBuilder b = new StringBuilder(256).append('{');
      b.append("\"part\": ").append(c.part())
          .append(", \"transactional\": ").append(c.transactional())
          .append(", \"kind\": ").append(JsonOutput.string(c.kind()))
          .append(", \"object\": ").append(JsonOutput.string(c.object()))
          .append(", \"action\": ").append(JsonOutput.string(c.action()))
          .append(", \"description\": ").append(JsonOutput.string(c.description()))
          .append(", \"hazards\": ").append(JsonOutput.strings(c.hazards()))
          .append(", \"upgrade\": ").append(JsonOutput.strings(c.upgrade()))
          .append(", \"downgrade\": ").append(JsonOutput.strings(c.downgrade()));
      objects.add(b.append('}').toString());
    }
    return JsonOutput.array(objects);
  }
}
