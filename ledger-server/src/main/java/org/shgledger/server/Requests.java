package org.shgledger.server;

import io.javalin.http.Context;
import java.util.Map;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;

/**
 * What every handler, of the API and of the pages alike, reads from a request's path: the group,
 * unit or member it names (a malformed one is a {@link BadRequest} naming the parameter), the
 * target an audit line names, and the role check a route's guard asks for. One copy, so that a page
 * and the API's route of the same guard can never decide differently.
 */
final class Requests {

  private Requests() {}

  /** The decision a route's guard asks of {@link Access} for this request's group or unit. */
  static Access.Decision decide(Access access, Route route, Context ctx, User user) {
    return switch (route.guard()) {
      case PUBLIC, ANY_USER -> Access.Decision.ALLOWED;
      case LIST_GROUPS -> access.toList(user);
      case READ_GROUP -> access.toGroup(user, Access.Action.READ_GROUP, group(ctx));
      case RECORD -> access.toGroup(user, Access.Action.RECORD, group(ctx));
      case READ_UNIT_TOTALS -> access.toUnit(user, unit(ctx));
      case READ_UNIT_GROUPS -> access.toUnitGroups(user, unit(ctx));
      case READ_UNIT_INCIDENTS_BY_GROUP -> access.toUnitIncidentsByGroup(user, unit(ctx));
    };
  }

  /** The path's {@code {group}}. */
  static BookId group(Context ctx) {
    try {
      return BookId.of(ctx.pathParam("group"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("group", e.getMessage());
    }
  }

  /** The path's {@code {unit}}. */
  static UnitCode unit(Context ctx) {
    try {
      return UnitCode.of(ctx.pathParam("unit"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("unit", e.getMessage());
    }
  }

  /** The path's {@code {member}}. */
  static MemberId member(Context ctx) {
    try {
      return MemberId.of(ctx.pathParam("member"));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("member", e.getMessage());
    }
  }

  /** What an audit line names as the request's target: {@code group G}, {@code unit U} or {@code -}. */
  static String target(Context ctx) {
    Map<String, String> params = ctx.pathParamMap();
    if (params.containsKey("group")) {
      return "group " + params.get("group");
    }
    return params.containsKey("unit") ? "unit " + params.get("unit") : "-";
  }
}
