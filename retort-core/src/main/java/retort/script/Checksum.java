package retort.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a migration's upgrade and downgrade text, so that an edit to an applied file is
 * noticed. Version 1 is SHA-256 over both sections after normalising: a byte-order mark removed,
 * CRLF and CR turned into LF, trailing whitespace cut from every line, and blank lines at either end
 * dropped. The value is written {@code v1:<hex>} so that the algorithm can change later.
 */
public final class Checksum {

  private Checksum() {}

  public static String of(String upgradeText, String downgradeText) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    sha.update(normalise(upgradeText).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(normalise(downgradeText).getBytes(StandardCharsets.UTF_8));
    return "v1:" + HexFormat.of().formatHex(sha.digest());
  }

  static String normalise(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      int end = line.length();
      while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      out.append(line, 0, end).append('\n');
    }
    return out.toString().strip();
  }
}
