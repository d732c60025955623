package retort.catalog;

import java.util.List;

/** An enum type and its labels, in their sort order. */
public record EnumType(ObjectId id, List<String> labels) implements DbObject {

  public EnumType {
    labels = List.copyOf(labels);
  }
}
