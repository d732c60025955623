package retort.boot;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import retort.RevisionInfo;
import retort.Retort;
import retort.StepSummary;

/**
 * The {@code retort} health contribution: UP when the database is at the heads of the migrations
 * the application carries, with no applied migration edited since it ran; OUT_OF_SERVICE when
 * migrations are pending; DOWN when an applied migration's file changed.
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {

  private final Retort retort;

  public RetortHealthIndicator(Retort retort) {
    super("Retort health check failed");
    this.retort = retort;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    List<String> current = retort.current().stream().map(RevisionInfo::revision).toList();
    List<String> pending = retort.pending().stream().map(StepSummary::revision).toList();
    List<String> problems = retort.validate();
    if (!problems.isEmpty()) {
      builder.down().withDetail("problems", problems);
    } else if (!pending.isEmpty()) {
      builder.outOfService();
    } else {
      builder.up();
    }
    builder.withDetail("current", current).withDetail("pending", pending);
  }
}
