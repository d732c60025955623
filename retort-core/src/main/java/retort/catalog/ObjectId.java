package retort.catalog;

import java.util.Comparator;
import java.util.Objects;

/**
 * The logical identity of a schema object, the same in any database that has the object: its kind,
 * its schema, its name, and for a member (a column, a constraint, a trigger, a policy) the member's
 * name, or for a routine its argument types ({@code integer, text}). Never an OID.
 *
 * <p>A default-privileges entry is keyed by its schema (null for the whole database), the role whose
 * future objects it governs (as the name) and the kind of object (as the member, {@code TABLES}).
 */
public record ObjectId(Kind kind, String schema, String name, String member) implements Comparable<ObjectId> {

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<ObjectId> ORDER = Comparator.comparing(ObjectId::kind)
      .thenComparing(ObjectId::schema, NULLS_FIRST)
      .thenComparing(ObjectId::name, NULLS_FIRST)
      .thenComparing(ObjectId::member, NULLS_FIRST);

  public ObjectId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** A schema, an extension, a role or an event trigger: objects named without a schema. */
  public static ObjectId global(Kind kind, String name) {
    return new ObjectId(kind, null, name, null);
  }

  /** An object in a schema: a table, a view, a type, a sequence, an index. */
  public static ObjectId of(Kind kind, String schema, String name) {
    return new ObjectId(kind, schema, name, null);
  }

  /** A member of a relation or a domain: a column, a constraint, a trigger, a policy. */
  public static ObjectId member(Kind kind, String schema, String relation, String member) {
    return new ObjectId(kind, schema, relation, member);
  }

  /** A routine: its argument types as {@code pg_catalog.oidvectortypes} prints them. */
  public static ObjectId routine(Kind kind, String schema, String name, String argumentTypes) {
    return new ObjectId(kind, schema, name, argumentTypes);
  }

  /** The schema-qualified name, quoted where SQL needs it: {@code apartments."order"}. */
  public String qualified() {
    return schema == null ? Names.quote(name) : Names.qualified(schema, name);
  }

  /** The member's name, quoted where SQL needs it. */
  public String quotedMember() {
    return Names.quote(member);
  }

  /** The relation (or domain) a member belongs to, as {@code schema.name}, quoted. */
  public String qualifiedRelation() {
    return Names.qualified(schema, name);
  }

  @Override
  public int compareTo(ObjectId o) {
    return ORDER.compare(this, o);
  }

  /** For people: {@code apartments.listing}, {@code apartments.listing.price}, {@code public.f(integer)}. */
  @Override
  public String toString() {
    String base = schema == null ? name : schema + "." + name;
    if (member == null) {
      return base;
    }
    if (kind.routine()) {
      return base + "(" + member + ")";
    }
    if (kind == Kind.DEFAULT_ACL) {
      return (schema == null ? "" : schema + ": ") + member + " of " + name;
    }
    return base + "." + member;
  }
}
