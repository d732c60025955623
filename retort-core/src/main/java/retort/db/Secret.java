package retort.db;

/** A password. It prints as {@code ***} wherever it ends up: logs, errors, records' toString. */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return value == null || value.isEmpty() ? null : new Secret(value);
  }

  /** The password itself, for the driver only. */
  String reveal() {
    return value;
  }

  /** Replaces every occurrence of this password in a text with {@code ***}. */
  public String scrub(String text) {
    return text == null ? null : text.replace(value, "***");
  }

  @Override
  public String toString() {
    return "***";
  }
}
