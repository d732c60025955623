package retort.diff;

import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Trigger;

/**
 * Triggers: a changed definition is written with {@code CREATE OR REPLACE TRIGGER} (a constraint
 * trigger is dropped and created again); a trigger's firing state (disabled, replica, always) is set
 * with {@code ALTER TABLE}.
 */
final class TriggerComparer implements Comparer<Trigger> {

  private static final String CREATE_TRIGGER = "CREATE TRIGGER ";

  @Override
  public Class<Trigger> type() {
    return Trigger.class;
  }

  private static List<String> create(Trigger t, boolean orReplace) {
    List<String> out = new ArrayList<>();
    String definition = t.definition();
    out.add(orReplace && definition.startsWith(CREATE_TRIGGER)
        ? "CREATE OR REPLACE TRIGGER " + definition.substring(CREATE_TRIGGER.length()) : definition);
    if (t.enabled() != 'O') {
      out.add(enable(t));
    }
    return out;
  }

  private static String enable(Trigger t) {
    String state = switch (t.enabled()) {
      case 'D' -> "DISABLE";
      case 'R' -> "ENABLE REPLICA";
      case 'A' -> "ENABLE ALWAYS";
      default -> "ENABLE";
    };
    return "ALTER TABLE " + t.id().qualifiedRelation() + " " + state + " TRIGGER " + t.id().quotedMember();
  }

  private static String drop(Trigger t) {
    return "DROP TRIGGER " + t.id().quotedMember() + " ON " + t.id().qualifiedRelation();
  }

  @Override
  public List<Step> create(Trigger t, Catalog side, Context c) {
    return List.of(Step.of(t.id(), Action.CREATE, "create trigger", create(t, false), List.of(drop(t))));
  }

  @Override
  public List<Step> drop(Trigger t, Catalog side, Context c) {
    return List.of(Step.of(t.id(), Action.DROP, "drop trigger", List.of(drop(t)), create(t, false)));
  }

  @Override
  public List<Step> alter(Trigger from, Trigger to, Context c) {
    if (!from.definition().equals(to.definition())) {
      if (!to.definition().startsWith(CREATE_TRIGGER) || !from.definition().startsWith(CREATE_TRIGGER)) {
        return null;
      }
      return List.of(Step.of(to.id(), Action.ALTER, "replace trigger", create(to, true), create(from, true)));
    }
    return List.of(Step.of(to.id(), Action.ALTER, "trigger firing", enable(to), enable(from)));
  }
}
