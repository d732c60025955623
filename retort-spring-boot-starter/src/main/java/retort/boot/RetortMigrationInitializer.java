package retort.boot;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import retort.MigrationResult;
import retort.Retort;
import retort.RetortException;
import retort.StepSummary;

/**
 * Brings the database to {@code retort.target} when the context starts, or with
 * {@code retort.validate-only} checks that nothing is pending or edited. Spring Boot orders every
 * JPA, JdbcTemplate, JdbcClient and jOOQ bean after it (see {@link RetortDatabaseInitializerDetector}).
 */
public class RetortMigrationInitializer implements InitializingBean {

  private final Retort retort;
  private final String target;
  private final boolean validateOnly;
  private volatile MigrationResult result;

  public RetortMigrationInitializer(Retort retort, String target, boolean validateOnly) {
    this.retort = retort;
    this.target = target;
    this.validateOnly = validateOnly;
  }

  @Override
  public void afterPropertiesSet() {
    if (validateOnly) {
      validate();
    } else {
      result = retort.upgrade(target);
    }
  }

  private void validate() {
    List<String> problems = retort.validate();
    if (!problems.isEmpty()) {
      throw new RetortException(RetortException.Kind.VALIDATION, "retort.validate-only", String.join("; ", problems),
          "upgrade the database from the pipeline (retort upgrade, or mvn retort:upgrade), or put the files back");
    }
    List<StepSummary> pending = retort.pending(target);
    if (!pending.isEmpty()) {
      throw new RetortException(RetortException.Kind.VALIDATION, "retort.validate-only",
          pending.size() + " migration(s) pending: " + String.join(", ", pending.stream().map(StepSummary::file).toList()),
          "upgrade the database first (retort upgrade head), or start with retort.validate-only=false");
    }
  }

  /** What the start-up upgrade did; null with validate-only, or before the context started. */
  public MigrationResult result() {
    return result;
  }
}
