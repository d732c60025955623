package retort.diff;

import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Grant;
import retort.catalog.Names;
import retort.catalog.Policy;

/**
 * Row security policies: roles and expressions changed with {@code ALTER POLICY}; a changed command,
 * kind (permissive or restrictive), or a removed expression drops and creates the policy again.
 */
final class PolicyComparer implements Comparer<Policy> {

  @Override
  public Class<Policy> type() {
    return Policy.class;
  }

  private static String roles(Policy p) {
    List<String> out = new ArrayList<>();
    for (String r : p.roles()) {
      out.add(r.equals(Grant.PUBLIC) ? "PUBLIC" : Names.quote(r));
    }
    return String.join(", ", out);
  }

  private static String create(Policy p) {
    return "CREATE POLICY " + p.id().quotedMember() + " ON " + p.id().qualifiedRelation()
        + (p.permissive() ? "" : " AS RESTRICTIVE") + " FOR " + p.command() + " TO " + roles(p)
        + (p.using() == null ? "" : " USING (" + p.using() + ")")
        + (p.check() == null ? "" : " WITH CHECK (" + p.check() + ")");
  }

  private static String drop(Policy p) {
    return "DROP POLICY " + p.id().quotedMember() + " ON " + p.id().qualifiedRelation();
  }

  private static String alter(Policy p) {
    return "ALTER POLICY " + p.id().quotedMember() + " ON " + p.id().qualifiedRelation() + " TO " + roles(p)
        + (p.using() == null ? "" : " USING (" + p.using() + ")")
        + (p.check() == null ? "" : " WITH CHECK (" + p.check() + ")");
  }

  @Override
  public List<Step> create(Policy p, Catalog side, Context c) {
    return List.of(Step.of(p.id(), Action.CREATE, "create policy", create(p), drop(p)));
  }

  @Override
  public List<Step> drop(Policy p, Catalog side, Context c) {
    return List.of(Step.of(p.id(), Action.DROP, "drop policy", drop(p), create(p)));
  }

  @Override
  public List<Step> alter(Policy from, Policy to, Context c) {
    if (!from.command().equals(to.command()) || from.permissive() != to.permissive()
        || (from.using() == null) != (to.using() == null) || (from.check() == null) != (to.check() == null)) {
      return null;
    }
    return List.of(Step.of(to.id(), Action.ALTER, "alter policy", alter(to), alter(from)));
  }
}
