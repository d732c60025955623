package retort.diff;

/**
 * What a step does to its target, as far as ordering is concerned: a step that creates (or
 * re-attaches) comes after what the target depends on in the declared schema; a step that drops (or
 * detaches) comes before what the target depended on at head is dropped; an alteration does both;
 * an attribute (a comment, privileges, a sequence's owner) needs only its target to exist.
 */
public enum Action {
  CREATE,
  ALTER,
  ATTRIBUTE,
  DROP
}
