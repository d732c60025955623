package retort.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import retort.Environment;
import retort.RetortException;
import retort.RevisionInfo;
import retort.StepSummary;

/** An environment's policy before a command changes its database: downgrades allowed, confirmation asked. */
final class Policy {

  private Policy() {}

  static void allowDowngrade(Environment env, boolean override) {
    allowDowngrade(env, override, "downgrades are not allowed on " + env.name());
  }

  private static void allowDowngrade(Environment env, boolean override, String what) {
    if (!env.allowDowngrade() && !override) {
      throw new RetortException(RetortException.Kind.USAGE, "env." + env.name() + ".allow_downgrade", what,
          "pass --allow-downgrade if you mean it, or set allow_downgrade = true for this environment");
    }
  }

  /**
   * A stamp that empties the version table or moves it back below a revision it has applied is a
   * downgrade of the bookkeeping: refused like one where allow_downgrade = false.
   */
  static void allowStamp(Session session, String target, boolean purge, boolean override) {
    Environment env = session.config().environment();
    if (env.allowDowngrade() || override) {
      return;
    }
    if (purge) {
      allowDowngrade(env, false, "stamp --purge empties the version table, which allow_downgrade = false forbids on "
          + env.name());
    }
    Set<String> after = new HashSet<>();
    if (!target.equals("base")) {
      for (RevisionInfo r : session.retort().history("base:" + target, false)) {
        after.add(r.revision());
      }
    }
    List<String> lost = new ArrayList<>(session.retort().applied());
    lost.removeAll(after);
    if (!lost.isEmpty()) {
      lost.sort(null);
      allowDowngrade(env, false, "stamp " + target + " would mark " + String.join(", ", lost)
          + " as not applied, a downgrade, which allow_downgrade = false forbids on " + env.name());
    }
  }

  /**
   * With {@code promote_from}, refuses to upgrade to a revision that the named environment has not
   * applied yet: changes reach prod only through staging.
   */
  static void promoted(Session session, String target, List<StepSummary> pending) {
    String from = session.config().environment().promoteFrom();
    if (from == null || from.isBlank() || pending.isEmpty()) {
      return;
    }
    Set<String> there;
    try (Session other = session.other(from)) {
      there = other.retort().applied();
    } catch (RetortException e) {
      throw new RetortException(RetortException.Kind.ERROR, "env." + session.config().environment().name()
          + ".promote_from", "cannot check " + from + ", which must have the revisions first: " + e.describe(),
          e.hint());
    }
    for (StepSummary step : pending) {
      if (!there.contains(step.revision())) {
        throw new RetortException(RetortException.Kind.VALIDATION, "env." + session.config().environment().name()
            + ".promote_from", from + " has not applied " + step.revision() + " (" + step.file() + ") yet, so "
            + session.config().environment().name() + " will not",
            "upgrade " + from + " first: `retort -e " + from + " upgrade " + target + "`");
      }
    }
  }

  /**
   * {@code --skip-promotion-check REASON}: the session's Retort, writing the reason in the log row of
   * each step it runs; refused where there is no promote_from to skip or no reason given.
   */
  static retort.Retort skipPromotion(Session session, String reason, Console console) {
    if (reason == null) {
      return session.retort();
    }
    Environment env = session.config().environment();
    if (env.promoteFrom() == null || env.promoteFrom().isBlank()) {
      throw new RetortException(RetortException.Kind.USAGE, "--skip-promotion-check", env.name()
          + " has no promote_from, so there is no promotion check to skip", "leave out --skip-promotion-check");
    }
    if (reason.isBlank()) {
      throw new RetortException(RetortException.Kind.USAGE, "--skip-promotion-check", "the reason is empty",
          "say why, e.g. --skip-promotion-check \"hotfix 123, staging is down\"; it is kept in retort_log");
    }
    String note = "promotion check from " + env.promoteFrom() + " skipped: " + reason.strip();
    console.info("warning: " + note + " (written to retort_log)");
    return session.retort().withNote(note);
  }

  /** Whether the environment asks before a change (and --yes was not given), so the command must describe it. */
  static boolean asks(Session session, boolean yes) {
    return session.config().environment().confirm() && !yes;
  }

  /** The lines that say where the database is: {@code at: 4c1f0e9a2b7d (head)} or {@code at: base}. */
  static String at(List<RevisionInfo> current) {
    List<String> ids = new ArrayList<>();
    for (RevisionInfo r : current) {
      ids.add(Render.idWithoutCurrent(r));
    }
    return "at: " + (ids.isEmpty() ? "base" : String.join(", ", ids));
  }

  /** One line per step: {@code 4c1f0e9a2b7d  bookings cannot overlap (versions/4c1f…sql)}. */
  static List<String> steps(List<StepSummary> steps) {
    List<String> lines = new ArrayList<>();
    for (StepSummary s : steps) {
      lines.add("  " + s.revision() + "  " + s.message() + " (" + s.file() + ")");
    }
    return lines;
  }

  /**
   * Asks on the terminal when the environment wants confirmation, after showing the database (its
   * URL masked) and what the command will do; refuses without a terminal unless --yes.
   */
  static void confirm(Session session, boolean yes, String action, List<String> details, Console console) {
    Environment env = session.config().environment();
    if (!env.confirm() || yes) {
      return;
    }
    console.info("About to " + action + " on " + env.name() + ": " + session.target());
    for (String line : details) {
      console.info("  " + line);
    }
    if (!console.interactive()) {
      throw new RetortException(RetortException.Kind.USAGE, "env." + env.name() + ".confirm",
          env.name() + " asks for confirmation before " + action + ", and there is no terminal to ask on",
          "pass --yes to confirm from a script");
    }
    console.err().print("Continue? [y/N] ");
    console.err().flush();
    String answer;
    try {
      answer = console.readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
      throw new RetortException(RetortException.Kind.USAGE, null, "not confirmed: nothing was changed",
          "answer y to go ahead, or pass --yes");
    }
  }
}
