package retort;

/** A password or other secret. It prints as {@code ***} wherever it ends up: logs, errors, toString. */
final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  static Secret of(String value) {
    return value == null || value.isEmpty() ? null : new Secret(value);
  }

  /** The secret itself, for the driver only. */
  String reveal() {
    return value;
  }

  /** Replaces every occurrence of this secret in a text with {@code ***}. */
  String scrub(String text) {
    return text == null ? null : text.replace(value, "***");
  }

  @Override
  public String toString() {
    return "***";
  }
}
