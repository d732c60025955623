package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.Constraint;
import retort.catalog.DbObject;
import retort.catalog.Names;
import retort.catalog.ObjectId;
import retort.catalog.Table;

/**
 * Tables: created with their columns and their own constraints (foreign keys aside), changed in
 * place (logged or not, row security, storage parameters, replica identity, inheritance), dropped
 * and created again only when their partitioning changes.
 */
final class TableComparer implements Comparer<Table> {

  @Override
  public Class<Table> type() {
    return Table.class;
  }

  /** The statements that create a table as {@code side} has it. */
  static List<String> create(Table t, Catalog side) {
    List<String> lines = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    for (Column c : Columns.declared(t.id(), side)) {
      lines.add(Columns.definition(c, side));
      extras.addAll(Columns.extras(c));
    }
    for (ObjectId id : side.children(t.id())) {
      DbObject o = side.get(id);
      if (o instanceof Constraint k && ConstraintComparer.inlineInTable(k)) {
        lines.add("CONSTRAINT " + id.quotedMember() + " " + k.definition());
      }
    }
    StringBuilder sql = new StringBuilder("CREATE ");
    if (t.persistence() == 'u') {
      sql.append("UNLOGGED ");
    }
    sql.append("TABLE ").append(t.id().qualified());
    if (t.partitionOf() != null) {
      sql.append(" PARTITION OF ").append(t.partitionOf().qualified());
    }
    if (!lines.isEmpty() || t.partitionOf() == null) {
      sql.append(" (\n    ").append(String.join(",\n    ", lines)).append(lines.isEmpty() ? ")" : "\n)");
    }
    if (t.partitionOf() != null) {
      sql.append(' ').append(t.partitionBound());
    }
    if (!t.inherits().isEmpty()) {
      List<String> parents = new ArrayList<>();
      for (ObjectId p : t.inherits()) {
        parents.add(p.qualified());
      }
      sql.append(" INHERITS (").append(String.join(", ", parents)).append(')');
    }
    if (t.partitionKey() != null) {
      sql.append(" PARTITION BY ").append(t.partitionKey());
    }
    if (!t.options().isEmpty()) {
      sql.append(" WITH (").append(String.join(", ", t.options())).append(')');
    }
    List<String> out = new ArrayList<>();
    out.add(sql.toString());
    out.addAll(extras);
    String alter = "ALTER TABLE " + t.id().qualified();
    if (t.rowSecurity()) {
      out.add(alter + " ENABLE ROW LEVEL SECURITY");
    }
    if (t.forceRowSecurity()) {
      out.add(alter + " FORCE ROW LEVEL SECURITY");
    }
    if (t.replicaIdentity() != 'd' && !(t.replicaIdentity() == 'n' && t.partitionKey() != null)) {
      out.add(alter + " REPLICA IDENTITY " + replicaIdentity(t));
    }
    return out;
  }

  private static String replicaIdentity(Table t) {
    return switch (t.replicaIdentity()) {
      case 'n' -> "NOTHING";
      case 'f' -> "FULL";
      case 'i' -> "USING INDEX " + Names.quote(t.replicaIndex());
      default -> "DEFAULT";
    };
  }

  private static String drop(Table t) {
    return "DROP TABLE " + t.id().qualified();
  }

  @Override
  public List<Step> create(Table t, Catalog side, Context c) {
    return List.of(Step.of(t.id(), Action.CREATE, "create table", create(t, side), List.of(drop(t))));
  }

  @Override
  public List<Step> drop(Table t, Catalog side, Context c) {
    return List.of(Step.of(t.id(), Action.DROP, "drop table", List.of(drop(t)), create(t, side))
        .hazard(Hazard.DELETES_DATA).note("the downgrade creates " + t.id() + " again, empty: its rows are not restored"));
  }

  @Override
  public List<Step> alter(Table from, Table to, Context c) {
    if (!Objects.equals(from.partitionKey(), to.partitionKey()) || !Objects.equals(from.partitionOf(), to.partitionOf())) {
      return null;
    }
    String alter = "ALTER TABLE " + to.id().qualified();
    List<Step> steps = new ArrayList<>();
    if (!Objects.equals(from.partitionBound(), to.partitionBound())) {
      String parent = "ALTER TABLE " + to.partitionOf().qualified();
      steps.add(Step.of(to.id(), Action.ALTER, "change partition bounds",
          List.of(parent + " DETACH PARTITION " + to.id().qualified(),
              parent + " ATTACH PARTITION " + to.id().qualified() + " " + to.partitionBound()),
          List.of(parent + " DETACH PARTITION " + to.id().qualified(),
              parent + " ATTACH PARTITION " + to.id().qualified() + " " + from.partitionBound()))
          .hazard(Hazard.LONG_LOCK).note("attaching " + to.id() + " scans it to check its rows fit the new bounds"));
    }
    if (from.persistence() != to.persistence()) {
      String logged = to.persistence() == 'u' ? "SET UNLOGGED" : "SET LOGGED";
      String back = to.persistence() == 'u' ? "SET LOGGED" : "SET UNLOGGED";
      steps.add(Step.of(to.id(), Action.ALTER, "set " + (to.persistence() == 'u' ? "unlogged" : "logged"),
          alter + " " + logged, alter + " " + back).hazard(Hazard.REWRITES_TABLE));
    }
    if (from.rowSecurity() != to.rowSecurity()) {
      steps.add(Step.of(to.id(), Action.ALTER, "row level security",
          alter + (to.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY",
          alter + (from.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY"));
    }
    if (from.forceRowSecurity() != to.forceRowSecurity()) {
      steps.add(Step.of(to.id(), Action.ALTER, "force row level security",
          alter + (to.forceRowSecurity() ? "" : " NO") + " FORCE ROW LEVEL SECURITY",
          alter + (from.forceRowSecurity() ? "" : " NO") + " FORCE ROW LEVEL SECURITY"));
    }
    if (!from.options().equals(to.options())) {
      steps.add(Step.of(to.id(), Action.ALTER, "storage parameters", options(alter, from.options(), to.options()),
          options(alter, to.options(), from.options())));
    }
    if (from.replicaIdentity() != to.replicaIdentity() || !Objects.equals(from.replicaIndex(), to.replicaIndex())) {
      steps.add(Step.of(to.id(), Action.ALTER, "replica identity", alter + " REPLICA IDENTITY " + replicaIdentity(to),
          alter + " REPLICA IDENTITY " + replicaIdentity(from)));
    }
    for (ObjectId p : from.inherits()) {
      if (!to.inherits().contains(p)) {
        steps.add(Step.of(to.id(), Action.ALTER, "no inherit", alter + " NO INHERIT " + p.qualified(),
            alter + " INHERIT " + p.qualified()));
      }
    }
    for (ObjectId p : to.inherits()) {
      if (!from.inherits().contains(p)) {
        steps.add(Step.of(to.id(), Action.ALTER, "inherit", alter + " INHERIT " + p.qualified(),
            alter + " NO INHERIT " + p.qualified()));
      }
    }
    return steps;
  }

  /** {@code RESET} the options {@code to} drops and {@code SET} those it adds or changes. */
  static List<String> options(String alter, List<String> from, List<String> to) {
    List<String> reset = new ArrayList<>();
    for (String o : from) {
      String name = o.substring(0, o.indexOf('='));
      boolean kept = to.stream().anyMatch(t -> t.startsWith(name + "="));
      if (!kept) {
        reset.add(name);
      }
    }
    List<String> set = new ArrayList<>();
    for (String o : to) {
      if (!from.contains(o)) {
        set.add(o);
      }
    }
    List<String> out = new ArrayList<>();
    if (!reset.isEmpty()) {
      out.add(alter + " RESET (" + String.join(", ", reset) + ")");
    }
    if (!set.isEmpty()) {
      out.add(alter + " SET (" + String.join(", ", set) + ")");
    }
    return out;
  }
}
