package retort.boot;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import retort.LogRecord;
import retort.RevisionInfo;
import retort.Retort;
import retort.StepSummary;

/**
 * {@code /actuator/retort}: where the database is (current), where the migrations end (heads),
 * what an upgrade would run (pending, in order), and the last runs' steps from retort_log (newest
 * first). Read-only; expose it with
 * {@code management.endpoints.web.exposure.include=retort}.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

  /** How many log rows the endpoint shows. */
  static final int LAST_STEPS = 20;

  private final Retort retort;

  public RetortEndpoint(Retort retort) {
    this.retort = retort;
  }

  @ReadOperation
  public Report report() {
    return new Report(retort.location(), ids(retort.current()), ids(retort.heads()),
        retort.pending().stream().map(Pending::of).toList(), retort.log(LAST_STEPS));
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::revision).toList();
  }

  /** The endpoint's answer. */
  public record Report(String location, List<String> current, List<String> heads, List<Pending> pending,
      List<LogRecord> log) {}

  /** A migration an upgrade to the heads would run. */
  public record Pending(String revision, String message, String file) {
    static Pending of(StepSummary s) {
      return new Pending(s.revision(), s.message(), s.file());
    }
  }
}
