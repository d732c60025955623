package retort.catalog;

/** A range type: its subtype and the functions and classes that go with it. */
public record RangeType(ObjectId id, String subtype, String subtypeOpclass, String collation, String canonical,
    String subtypeDiff, String multirange) implements DbObject {}
