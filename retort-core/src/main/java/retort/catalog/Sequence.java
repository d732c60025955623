package retort.catalog;

/**
 * A sequence: its options, and the column that owns it (a serial's {@code OWNED BY}, or the identity
 * column whose values it gives).
 *
 * @param container the owning table for {@code OWNED BY}, the column for an identity sequence, else null
 */
public record Sequence(ObjectId id, ObjectId container, String type, long start, long increment, long min, long max,
    long cache, boolean cycle, ObjectId ownedBy, boolean identity) implements DbObject {}
