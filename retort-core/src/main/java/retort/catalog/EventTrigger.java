package retort.catalog;

import java.util.List;

/** An event trigger: the event, the function it runs, its tags filter and whether it is enabled. */
public record EventTrigger(ObjectId id, String event, String function, List<String> tags, char enabled)
    implements DbObject {

  public EventTrigger {
    tags = List.copyOf(tags);
  }
}
