package retort;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One side of a schema comparison: head (the migration chain replayed), the declared schema (a folder
 * of SQL files loaded), a revision of the chain, or a live database.
 */
public final class SchemaSource {

  enum Kind { HEAD, DECLARED, REVISION, DATABASE }

  private final Kind kind;
  private final String name;
  private final Path folder;
  private final ConnectionFactory connections;

  private SchemaSource(Kind kind, String name, Path folder, ConnectionFactory connections) {
    this.kind = kind;
    this.name = name;
    this.folder = folder;
    this.connections = connections;
  }

  /** The single head of the migration chain, replayed on the scratch server. */
  public static SchemaSource head() {
    return new SchemaSource(Kind.HEAD, "head", null, null);
  }

  /** The schema declared by the SQL files under a folder, loaded on the scratch server. */
  public static SchemaSource declared(Path folder) {
    return new SchemaSource(Kind.DECLARED, "schema", Objects.requireNonNull(folder), null);
  }

  /** The chain replayed up to a revision (an id, a prefix, a label, {@code head}). */
  public static SchemaSource revision(String revision) {
    return new SchemaSource(Kind.REVISION, Objects.requireNonNull(revision), null, null);
  }

  /**
   * A live database, read (never changed); {@code label} names it in messages and must not contain a
   * password. Its roles are not compared.
   */
  public static SchemaSource database(String label, ConnectionFactory connections) {
    return new SchemaSource(Kind.DATABASE, label, null, Objects.requireNonNull(connections));
  }

  Kind kind() {
    return kind;
  }

  Path folder() {
    return folder;
  }

  ConnectionFactory connections() {
    return connections;
  }

  /** How messages name this side: {@code head}, {@code schema}, a revision, a database's label. */
  @Override
  public String toString() {
    return name;
  }
}
