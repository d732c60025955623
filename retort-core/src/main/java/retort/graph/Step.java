package retort.graph;

/** One migration to run in one direction, with the change it makes to the version table. */
public record Step(Revision revision, Direction direction, VersionChange change) {

  public boolean isUpgrade() {
    return direction == Direction.UPGRADE;
  }
}
