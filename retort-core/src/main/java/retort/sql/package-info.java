/**
 * A PostgreSQL-aware lexer that splits a migration file into statements and directive lines,
 * keeping the line number of each in the file.
 * It is internal to Retort and not a supported API for other programs.
 */
package retort.sql;
