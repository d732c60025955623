package retort.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the start-up upgrade, under {@code retort.*}. */
@ConfigurationProperties("retort")
public class RetortProperties {

  /** Whether to upgrade (or validate) the database at start-up. */
  private boolean enabled = true;

  /** Where the migrations are: classpath:PATH (resources holding versions/) or filesystem:DIR. */
  private String location = "classpath:db/retort";

  /** What to upgrade to: head, heads, a revision id, a branch label or label@head. */
  private String target = "head";

  /**
   * Only check, change nothing: refuse to start when migrations are pending or an applied one was
   * edited (for an application role without DDL rights; the pipeline upgrades).
   */
  private boolean validateOnly = false;

  /** Name of the version table; alembic_version adopts a database that Alembic manages. */
  private String versionTable = "retort_version";

  /** Schema of the version table and of retort_log. */
  private String versionTableSchema = "public";

  /** lock_timeout set in each migration's transaction. */
  private Duration lockTimeout = Duration.ofSeconds(5);

  /** Environment name recorded in retort_log for the runs of this application. */
  private String environment = "application";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public boolean isValidateOnly() {
    return validateOnly;
  }

  public void setValidateOnly(boolean validateOnly) {
    this.validateOnly = validateOnly;
  }

  public String getVersionTable() {
    return versionTable;
  }

  public void setVersionTable(String versionTable) {
    this.versionTable = versionTable;
  }

  public String getVersionTableSchema() {
    return versionTableSchema;
  }

  public void setVersionTableSchema(String versionTableSchema) {
    this.versionTableSchema = versionTableSchema;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }
}
