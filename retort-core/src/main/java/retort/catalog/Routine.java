package retort.catalog;

/**
 * A function, procedure or aggregate (by its id's kind).
 *
 * @param signature the arguments that identify it in SQL ({@code a integer, b text}), from
 *     {@code pg_get_function_identity_arguments}
 * @param definition the {@code CREATE OR REPLACE} statement from {@code pg_get_functiondef}; for an
 *     aggregate, its defining attributes
 * @param result the result type from {@code pg_get_function_result}, or null for a procedure
 * @param arguments the full argument list with names, modes and defaults
 */
public record Routine(ObjectId id, String signature, String definition, String result, String arguments,
    String language) implements DbObject {}
