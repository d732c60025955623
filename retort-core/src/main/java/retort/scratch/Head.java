package retort.scratch;

import java.util.Set;
import retort.catalog.Catalog;

/**
 * Head on the scratch server: the template database the chain was replayed into (null when there is
 * no revision yet: head is an empty database), its catalog, and the roles its replay created.
 */
public record Head(String template, Catalog catalog, Set<String> roles) {

  public Head {
    roles = Set.copyOf(roles);
  }
}
