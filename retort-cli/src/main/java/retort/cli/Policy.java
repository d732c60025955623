package retort.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import retort.Environment;
import retort.RetortException;

/** An environment's policy before a command changes its database: downgrades allowed, confirmation asked. */
final class Policy {

  private Policy() {}

  static void allowDowngrade(Environment env, boolean override) {
    if (!env.allowDowngrade() && !override) {
      throw new RetortException(RetortException.Kind.USAGE, "env." + env.name() + ".allow_downgrade",
          "downgrades are not allowed on " + env.name(),
          "pass --allow-downgrade if you mean it, or set allow_downgrade = true for this environment");
    }
  }

  /**
   * With {@code promote_from}, refuses to upgrade to a revision that the named environment has not
   * applied yet: changes reach prod only through staging.
   */
  static void promoted(Session session, String target) {
    String from = session.config().environment().promoteFrom();
    if (from == null || from.isBlank()) {
      return;
    }
    java.util.List<retort.StepSummary> pending = session.retort().pending(target);
    if (pending.isEmpty()) {
      return;
    }
    java.util.Set<String> there;
    try (Session other = session.other(from)) {
      there = other.retort().applied();
    } catch (RetortException e) {
      throw new RetortException(RetortException.Kind.ERROR, "env." + session.config().environment().name()
          + ".promote_from", "cannot check " + from + ", which must have the revisions first: " + e.describe(),
          e.hint());
    }
    for (retort.StepSummary step : pending) {
      if (!there.contains(step.revision())) {
        throw new RetortException(RetortException.Kind.VALIDATION, "env." + session.config().environment().name()
            + ".promote_from", from + " has not applied " + step.revision() + " (" + step.file() + ") yet, so "
            + session.config().environment().name() + " will not",
            "upgrade " + from + " first: `retort -e " + from + " upgrade " + target + "`");
      }
    }
  }

  /** Asks on the terminal when the environment wants confirmation; refuses without one unless --yes. */
  static void confirm(Environment env, boolean yes, String action, Console console) {
    if (!env.confirm() || yes) {
      return;
    }
    if (System.console() == null) {
      throw new RetortException(RetortException.Kind.USAGE, "env." + env.name() + ".confirm",
          env.name() + " asks for confirmation before " + action + ", and there is no terminal to ask on",
          "pass --yes to confirm from a script");
    }
    console.err().print("About to " + action + " on " + env.name() + ". Continue? [y/N] ");
    console.err().flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
      throw new RetortException(RetortException.Kind.USAGE, null, "not confirmed: nothing was changed",
          "answer y to go ahead, or pass --yes");
    }
  }
}
