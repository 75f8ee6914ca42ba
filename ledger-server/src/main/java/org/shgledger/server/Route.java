package org.shgledger.server;

import java.util.Objects;
import java.util.Set;

/**
 * One endpoint of the server: its method and path template, who may reach it, and the query
 * parameters it takes. The matrix test (RoleMatrixTest) has a row per route and role, and fails
 * for a route without one.
 *
 * @param method {@code GET} or {@code POST}, not null
 * @param path the template, such as {@code /api/v1/groups/{group}/statement}, not null
 * @param guard who may reach it, not null
 * @param parameters the query parameters it takes; any other is a 400, not null
 */
public record Route(String method, String path, Guard guard, Set<String> parameters) {

  /** Who may reach a route. */
  public enum Guard {
    /** Anyone, without a token ({@code /health}). */
    PUBLIC,
    /** Any user with a valid token. */
    ANY_USER,
    /** A user whose role may list groups; the list is cut to her groups. */
    LIST_GROUPS,
    /** A user whose role may read the group in the path. */
    READ_GROUP,
    /** A user whose role may record on the group in the path. */
    RECORD,
    /** A user whose role may read the unit in the path's totals. */
    READ_UNIT_TOTALS,
    /**
     * A user whose role may read the unit's groups' figures, group by group (its statement, its
     * grades): not a donor's, who sees totals only, nor a treasurer's.
     */
    READ_UNIT_GROUPS,
    /**
     * A user whose role may read the unit's community safety counts group by group: an admin or
     * the unit's coordinator, never an auditor, a donor or a treasurer.
     */
    READ_UNIT_INCIDENTS_BY_GROUP
  }

  /** Checks for nulls and copies the parameters. */
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(guard, "guard");
    parameters = Set.copyOf(parameters);
  }

  /**
   * The route as the access log and the matrix name it.
   *
   * @return such as {@code GET /api/v1/groups/{group}/statement}
   */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
