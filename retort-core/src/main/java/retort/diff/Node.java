package retort.diff;

/** A step in the making of a plan: its place in creation order and where it came from. */
final class Node {

  final int seq;
  final Origin origin;
  Step step;
  /** The node this one's statements are part of (a column created inside its CREATE TABLE), or itself. */
  Node merged = this;

  Node(int seq, Origin origin, Step step) {
    this.seq = seq;
    this.origin = origin;
    this.step = step;
  }

  Node root() {
    Node n = this;
    while (n.merged != n) {
      n = n.merged;
    }
    return n;
  }

  @Override
  public String toString() {
    return seq + ":" + origin + ":" + step.action() + " " + step.target() + " (" + step.what() + ")";
  }
}
