package retort.catalog;

import java.util.List;

/** A composite type and its attributes, each as {@code name type [COLLATE collation]}, in order. */
public record CompositeType(ObjectId id, List<String> attributes) implements DbObject {

  public CompositeType {
    attributes = List.copyOf(attributes);
  }
}
