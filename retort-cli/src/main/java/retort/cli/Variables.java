package retort.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import retort.RetortException;

/** Replaces {@code ${VAR}} and {@code ${VAR:-default}} in a setting with values from the environment. */
final class Variables {

  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> environment;

  Variables(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The value with every reference replaced; {@code setting} names it in the error for a missing variable. */
  String expand(String value, String setting) {
    Matcher m = REF.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = environment.get(m.group(1));
      if (v == null || (v.isEmpty() && m.group(2) != null)) {
        if (m.group(2) == null) {
          throw new RetortException(RetortException.Kind.USAGE, setting,
              "the environment variable " + m.group(1) + " is not set",
              "export " + m.group(1) + "=..., or write ${" + m.group(1) + ":-default} in the setting");
        }
        v = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
