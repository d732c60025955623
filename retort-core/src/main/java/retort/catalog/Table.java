package retort.catalog;

import java.util.List;

/**
 * A table (plain, partitioned, unlogged): its attributes, not its columns, constraints or indexes,
 * which are objects of their own.
 *
 * @param persistence {@code p} permanent or {@code u} unlogged
 * @param options storage parameters ({@code fillfactor=70}), sorted
 * @param partitionKey {@code RANGE (day)} for a partitioned table, else null
 * @param partitionOf the partitioned table this one is a partition of, else null
 * @param partitionBound {@code FOR VALUES FROM (...) TO (...)} of a partition, else null
 * @param inherits the parents of a table that uses (non-partition) inheritance, in order
 * @param replicaIdentity {@code d} default, {@code n} nothing, {@code f} full, {@code i} index
 * @param replicaIndex the index of {@code REPLICA IDENTITY USING INDEX}, else null
 */
public record Table(ObjectId id, char persistence, boolean rowSecurity, boolean forceRowSecurity,
    List<String> options, String partitionKey, ObjectId partitionOf, String partitionBound, List<ObjectId> inherits,
    char replicaIdentity, String replicaIndex) implements DbObject {

  public Table {
    options = List.copyOf(options);
    inherits = List.copyOf(inherits);
  }

  public boolean partitioned() {
    return partitionKey != null;
  }
}
