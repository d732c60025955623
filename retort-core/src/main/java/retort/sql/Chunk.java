package retort.sql;

/** A piece of a migration file: a statement or a directive line. */
public sealed interface Chunk permits Statement, Directive {

    /** The 1-based line in the file where this chunk starts. */
    int line();
}
