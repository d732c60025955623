package retort.catalog;

import java.util.Comparator;

/**
 * One privilege held by one role (or by {@code PUBLIC}, as {@link #PUBLIC}), with or without the
 * right to grant it on. Who granted it is not part of it: the same privileges are the same whoever
 * gave them.
 */
public record Grant(String grantee, String privilege, boolean grantable) implements Comparable<Grant> {

  /** The grantee that stands for every role. */
  public static final String PUBLIC = "PUBLIC";

  private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::grantee)
      .thenComparing(Grant::privilege).thenComparing(Grant::grantable);

  /** Parses the catalog queries' form: {@code PRIVILEGE grantee}, the privilege ending in {@code *} when grantable. */
  static Grant parse(String item) {
    int space = item.indexOf(' ');
    String privilege = item.substring(0, space);
    boolean grantable = privilege.endsWith("*");
    return new Grant(item.substring(space + 1), grantable ? privilege.substring(0, privilege.length() - 1) : privilege,
        grantable);
  }

  /** The grantee as SQL writes it in GRANT and REVOKE. */
  public String granteeSql() {
    return grantee.equals(PUBLIC) ? PUBLIC : Names.quote(grantee);
  }

  @Override
  public int compareTo(Grant o) {
    return ORDER.compare(this, o);
  }
}
