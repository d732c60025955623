package retort.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import retort.RetortException;

/**
 * Runs one of the embedded binaries (initdb, pg_ctl) to its end, its output kept in a file: a
 * server that pg_ctl starts must not hold a pipe of this process. PostgreSQL refuses to run as
 * root; as root, the tool runs in a user namespace of its own ({@code unshare -U}), where it is not.
 */
final class PostgresTool {

  private static Boolean root;

  private PostgresTool() {}

  /** What a tool printed, and how it ended. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static Result run(Path binaries, Path outputFile, long timeoutSeconds, String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (asRoot()) {
      command.add("unshare");
      command.add("-U");
    }
    command.add(binaries.resolve("bin").resolve(tool).toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(outputFile.getParent());
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile())
          .redirectInput(new File("/dev/null")).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, tool + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), Files.readString(outputFile));
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, binaries.toString(), "cannot run " + tool + ": " + e.getMessage(),
          "remove " + binaries + " so that Retort unpacks it again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, tool + " was interrupted");
    }
  }

  /** Whether this process runs as root on Linux, where the tools must run in a user namespace. */
  private static synchronized boolean asRoot() {
    if (root == null) {
      boolean uid0;
      try {
        uid0 = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
      } catch (IOException | RuntimeException e) {
        uid0 = false;
      }
      root = uid0;
      if (uid0 && !unshareWorks()) {
        throw new RetortException(RetortException.Kind.ERROR, "url = \"embedded\"",
            "PostgreSQL does not run as root, and this machine has no user namespaces (`unshare -U`) to run it in",
            "run retort as another user, or point the environment at a PostgreSQL server with url = \"postgresql://...\"");
      }
    }
    return root;
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
