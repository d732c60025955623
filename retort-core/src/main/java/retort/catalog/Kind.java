package retort.catalog;

/**
 * The kinds of schema object Retort models. The word is how SQL names the kind in {@code COMMENT ON}
 * and {@code DROP}; the order of the constants is the order in which a plan lists unrelated objects.
 */
public enum Kind {
  SCHEMA("SCHEMA"),
  EXTENSION("EXTENSION"),
  ROLE("ROLE"),
  DEFAULT_ACL("DEFAULT PRIVILEGES"),
  COLLATION("COLLATION"),
  ENUM("TYPE"),
  DOMAIN("DOMAIN"),
  RANGE("TYPE"),
  COMPOSITE("TYPE"),
  SEQUENCE("SEQUENCE"),
  TABLE("TABLE"),
  COLUMN("COLUMN"),
  CONSTRAINT("CONSTRAINT"),
  INDEX("INDEX"),
  VIEW("VIEW"),
  MATVIEW("MATERIALIZED VIEW"),
  FUNCTION("FUNCTION"),
  PROCEDURE("PROCEDURE"),
  AGGREGATE("AGGREGATE"),
  TRIGGER("TRIGGER"),
  POLICY("POLICY"),
  EVENT_TRIGGER("EVENT TRIGGER");

  private final String word;

  Kind(String word) {
    this.word = word;
  }

  /** The kind as SQL names it: {@code TABLE}, {@code MATERIALIZED VIEW}, {@code TYPE} for enums. */
  public String word() {
    return word;
  }

  /** Whether objects of this kind live in a schema. */
  public boolean inSchema() {
    return this != SCHEMA && this != EXTENSION && this != ROLE && this != EVENT_TRIGGER && this != DEFAULT_ACL;
  }

  /** Whether objects of this kind belong to a relation or domain: columns, constraints, triggers, policies. */
  public boolean member() {
    return this == COLUMN || this == CONSTRAINT || this == TRIGGER || this == POLICY;
  }

  /** Whether this kind is a routine in {@code pg_proc}, whose identity includes its argument types. */
  public boolean routine() {
    return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
  }

  /** Whether this kind is a type in {@code pg_type}. */
  public boolean type() {
    return this == ENUM || this == DOMAIN || this == RANGE || this == COMPOSITE;
  }
}
