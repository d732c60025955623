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
