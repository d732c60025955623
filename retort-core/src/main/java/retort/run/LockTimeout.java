package retort.run;

import java.util.Optional;
import retort.db.LockHolder;

/** The run lock stayed taken by another session for longer than the wait allowed. */
public final class LockTimeout extends Exception {

  private final Optional<LockHolder> holder;

  LockTimeout(String message, Optional<LockHolder> holder) {
    super(message, null, false, false);
    this.holder = holder;
  }

  public Optional<LockHolder> holder() {
    return holder;
  }
}
