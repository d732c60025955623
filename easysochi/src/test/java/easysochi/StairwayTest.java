package easysochi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import retort.Retort;
import retort.RevisionInfo;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/**
 * Every revision, oldest first: upgrade to it, downgrade one step, upgrade to it again. The second
 * upgrade must build exactly what the first did, and the downgrade must give back exactly the schema
 * of the revision before.
 */
class StairwayTest {

  @Test
  void eachRevisionUpDownUpRebuildsTheSameSchema() throws SQLException {
    String url = TestPostgres.newDatabase();
    Retort retort = Bot.retort(url);
    List<String> revisions = new ArrayList<>();
    for (RevisionInfo r : retort.history(null, false)) {
      revisions.add(r.revision());
    }
    Collections.reverse(revisions);
    assertThat(revisions).hasSize(13).startsWith("aeacb5c549e9").endsWith("61d1001d5763");

    CatalogSnapshot before = Bot.snapshot(url);
    for (String rev : revisions) {
      retort.upgrade(rev);
      assertThat(retort.current()).extracting(RevisionInfo::revision).containsExactly(rev);
      CatalogSnapshot up = Bot.snapshot(url);
      assertThat(up.diff(before)).as("upgrade to %s changes nothing", rev).isNotEmpty();

      retort.downgrade("-1");
      assertThat(Bot.snapshot(url).diff(before)).as("downgrade -1 from %s restores the schema before it", rev)
          .isEmpty();

      retort.upgrade(rev);
      CatalogSnapshot again = Bot.snapshot(url);
      assertThat(up.diff(again)).as("second upgrade to %s", rev).isEmpty();
      assertThat(again).isEqualTo(up);
      before = again;
    }

    // the stairway ends where a straight upgrade head ends
    String straight = TestPostgres.newDatabase();
    Retort other = Bot.retort(straight);
    other.upgrade("head");
    assertThat(Bot.snapshot(straight).diff(before)).as("straight upgrade head vs stairway").isEmpty();

    other.downgrade("base");
    retort.downgrade("base");
    UpgradeDowngradeTest.assertNothingOfTheBotLeft(url);
    UpgradeDowngradeTest.assertNothingOfTheBotLeft(straight);
  }
}
