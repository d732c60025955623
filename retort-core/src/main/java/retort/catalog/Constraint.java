package retort.catalog;

/**
 * A constraint of a table or a domain.
 *
 * @param type {@code p} primary key, {@code u} unique, {@code f} foreign key, {@code c} check,
 *     {@code x} exclusion
 * @param definition as {@code pg_get_constraintdef} prints it, without a trailing {@code NOT VALID}
 * @param validated false for a constraint added {@code NOT VALID} and not validated since
 * @param indexDefinition the {@code CREATE UNIQUE INDEX} of a primary key, unique or exclusion
 *     constraint's own index, else null
 */
public record Constraint(ObjectId id, ObjectId container, char type, String definition, boolean validated,
    boolean deferrable, boolean deferred, String indexDefinition) implements DbObject {

  public boolean isForeignKey() {
    return type == 'f';
  }

  /** Whether this constraint has an index of its own: primary key, unique, exclusion. */
  public boolean hasIndex() {
    return type == 'p' || type == 'u' || type == 'x';
  }
}
