package retort.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Retort as a separate JVM ({@code java retort.cli.Main ARGS}), for what only processes show: waiting on each other, platforms. */
record RetortProcess(Process process, Path out, Path err) {

  private static final AtomicInteger RUNS = new AtomicInteger();

  /** Starts {@code retort ARGS} in {@code dir} with RETORT_HOME set for tests, {@code jvmOptions} before the class. */
  static RetortProcess start(Path dir, List<String> jvmOptions, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "retort.cli.Main"));
    command.addAll(List.of(args));
    int n = RUNS.incrementAndGet();
    Path out = dir.resolve("process" + n + ".out");
    Path err = dir.resolve("process" + n + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(new File("/dev/null"));
    pb.environment().remove("RETORT_ENV");
    pb.environment().put("RETORT_HOME", CliRun.RETORT_HOME.toString());
    pb.environment().putAll(env);
    try {
      return new RetortProcess(pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the end (at most {@code timeout}) and returns what the process printed. */
  CliRun await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("retort did not end within " + timeout + ": " + read(err));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new CliRun(process.exitValue(), read(out), read(err));
  }

  String errSoFar() {
    return read(err);
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
