package retort.cli;

import retort.RetortException;

/** The exit codes of the command line, chosen here and nowhere else. */
final class ExitCode {

  static final int OK = 0;
  static final int ERROR = 1;
  static final int USAGE = 2;
  static final int LOCK_TIMEOUT = 3;
  static final int VALIDATION = 4;

  private ExitCode() {}

  static int of(RetortException.Kind kind) {
    return switch (kind) {
      case USAGE -> USAGE;
      case ERROR -> ERROR;
      case LOCK_TIMEOUT -> LOCK_TIMEOUT;
      case VALIDATION -> VALIDATION;
    };
  }
}
