package retort.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import retort.RetortException;

/**
 * Turns a Retort failure at start-up into Spring Boot's report: what is wrong (the file and line,
 * or the setting) and, as the action, Retort's hint, e.g. the {@code retort merge} for two heads.
 */
public class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
    return new FailureAnalysis("Retort could not bring the database to its target: " + cause.getMessage(),
        cause.hint() == null ? "Check the migrations and retort.* settings." : cause.hint(), cause);
  }
}
