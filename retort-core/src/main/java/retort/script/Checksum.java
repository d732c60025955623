package retort.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

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

  /**
   * One MD5 over many revisions' checksums: {@code revision:checksum} pairs in byte order of the
   * revision ids, joined by commas, as the server computes it over the log to compare them in one row.
   */
  public static String digest(Map<String, String> checksums) {
    String[] revisions = checksums.keySet().toArray(new String[0]);
    Arrays.sort(revisions);                 // byte order: revision ids are ASCII, as COLLATE "C"
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      return "";                                      // never equal to the server's: the list is compared
    }
    // The text is ASCII (revision ids and "v1:<hex>"): its bytes are copied straight into one array
    // and digested in one update; on a cold JVM that is several times cheaper than a StringBuilder.
    int length = Math.max(0, revisions.length - 1);
    for (String r : revisions) {
      length += r.length() + 1 + checksums.get(r).length();
    }
    byte[] all = new byte[length];
    int at = 0;
    for (int i = 0; i < revisions.length; i++) {
      if (i > 0) {
        all[at++] = ',';
      }
      at = ascii(revisions[i], all, at);
      all[at++] = ':';
      at = ascii(checksums.get(revisions[i]), all, at);
    }
    return HexFormat.of().formatHex(md5.digest(all));
  }

  private static int ascii(String s, byte[] into, int at) {
    for (int i = 0; i < s.length(); i++) {
      into[at++] = (byte) s.charAt(i);
    }
    return at;
  }
}
