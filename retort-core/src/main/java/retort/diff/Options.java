package retort.diff;

import java.util.List;

/**
 * How a plan is made.
 *
 * @param lockSafety rewrite changes to existing tables so that they do not block writes for long
 *     (indexes built concurrently, constraints added NOT VALID then validated); false writes one
 *     plain transactional revision
 * @param renames explicit renames, {@code old=new}, that turn a drop and a create into a rename
 */
public record Options(boolean lockSafety, List<Rename> renames) {

  public Options {
    renames = List.copyOf(renames);
  }

  public static Options defaults() {
    return new Options(true, List.of());
  }
}
