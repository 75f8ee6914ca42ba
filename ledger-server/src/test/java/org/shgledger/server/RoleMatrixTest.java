package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route, every role: the status each gets. The table is the specification of the roles
 * (docs/server.md, "Roles"); a route without a row fails {@link #everyRouteHasARowForEveryRole},
 * so a new endpoint cannot ship without someone deciding who may reach it.
 *
 * <p>The first table asks about the user's own group and unit (SHG01 in EAST-1, unit EAST); the
 * second about another unit's (SHG02 in WEST, unit WEST). "anon" sends no token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

  private static final List<String> ROLES = List.of("admin", "coordinator", "treasurer", "auditor", "donor", "anon");

  /** SHG01, EAST: the coordinator's (EAST-1 is under EAST), the treasurer's, the donor's unit. */
  private static final String OWN = """
      GET /health                                           200 200 200 200 200 200
      GET /openapi.json                                     200 200 200 200 200 401
      GET /api/v1/groups                                    200 200 200 200 403 401
      GET /api/v1/groups/{group}/trial-balance              200 200 200 200 403 401
      GET /api/v1/groups/{group}/statement                  200 200 200 200 403 401
      GET /api/v1/groups/{group}/members/{member}/passbook  200 200 200 200 403 401
      GET /api/v1/groups/{group}/loans                      200 200 200 200 403 401
      GET /api/v1/groups/{group}/accounts/{code}            200 200 200 200 403 401
      GET /api/v1/units/{unit}/indicators                   200 200 403 200 200 401
      GET /api/v1/units/{unit}/statement                    200 200 403 200 403 401
      GET /api/v1/units/{unit}/grades                       200 200 403 200 403 401
      GET /api/v1/units/{unit}/commitment                   200 200 403 200 200 401
      GET /api/v1/units/{unit}/incidents                    200 200 403 200 200 401
      GET /api/v1/units/{unit}/incidents/by-group           200 200 403 403 403 401
      POST /api/v1/groups/{group}/savings                   201 201 201 403 403 401
      POST /api/v1/groups/{group}/loans/{loan}/repayments   201 201 201 403 403 401
      POST /api/v1/groups/{group}/operations                201 201 201 403 403 401
      POST /api/v1/groups/{group}/imports/meetings          201 201 201 403 403 401
      POST /api/v1/groups/{group}/imports/passbook          201 201 201 403 403 401
      GET /api/v1/groups/{group}/books                      200 200 200 403 403 401
      POST /api/v1/groups/{group}/operations/batch          200 200 200 403 403 401
      """;

  /** SHG02, WEST: nobody's but the admin's and the auditor's (who has no unit). */
  private static final String OTHER = """
      GET /health                                           200 200 200 200 200 200
      GET /openapi.json                                     200 200 200 200 200 401
      GET /api/v1/groups                                    200 200 200 200 403 401
      GET /api/v1/groups/{group}/trial-balance              200 403 403 200 403 401
      GET /api/v1/groups/{group}/statement                  200 403 403 200 403 401
      GET /api/v1/groups/{group}/members/{member}/passbook  200 403 403 200 403 401
      GET /api/v1/groups/{group}/loans                      200 403 403 200 403 401
      GET /api/v1/groups/{group}/accounts/{code}            200 403 403 200 403 401
      GET /api/v1/units/{unit}/indicators                   200 403 403 200 403 401
      GET /api/v1/units/{unit}/statement                    200 403 403 200 403 401
      GET /api/v1/units/{unit}/grades                       200 403 403 200 403 401
      GET /api/v1/units/{unit}/commitment                   200 403 403 200 403 401
      GET /api/v1/units/{unit}/incidents                    200 403 403 200 403 401
      GET /api/v1/units/{unit}/incidents/by-group           200 403 403 403 403 401
      POST /api/v1/groups/{group}/savings                   201 403 403 403 403 401
      POST /api/v1/groups/{group}/loans/{loan}/repayments   201 403 403 403 403 401
      POST /api/v1/groups/{group}/operations                201 403 403 403 403 401
      POST /api/v1/groups/{group}/imports/meetings          201 403 403 403 403 401
      POST /api/v1/groups/{group}/imports/passbook          201 403 403 403 403 401
      GET /api/v1/groups/{group}/books                      200 403 403 403 403 401
      POST /api/v1/groups/{group}/operations/batch          200 403 403 403 403 401
      """;

  @TempDir static Path folder;
  private TestServer server;

  @BeforeAll
  void start() {
    server = TestServer.sqlite(folder, TestServer.echo());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void everyRouteHasARowForEveryRole() {
    for (String table : List.of(OWN, OTHER)) {
      Set<String> rows = parse(table).keySet();
      Set<String> routes = new HashSet<>();
      for (Route route : LedgerServer.routes()) {
        routes.add(route.toString());
      }
      assertEquals(routes, rows, "the matrix has exactly one row per route");
    }
  }

  @Test
  void ownGroupAndUnit() {
    check(OWN, "SHG01", "EAST");
  }

  @Test
  void anotherUnitsGroupIsForbiddenAndAudited() {
    int before = server.books.users().auditLines(1000).size();
    check(OTHER, "SHG02", "WEST");
    List<String> audit = server.books.users().auditLines(1000);
    assertTrue(audit.size() > before, "each 403 writes an audit line");
    assertTrue(audit.stream().anyMatch(line -> line.contains("\tcoord.east\tcoordinator\tGET\t"
        + "/api/v1/groups/{group}/statement\tgroup SHG02\t")), String.join("\n", audit));
  }

  private void check(String table, String group, String unit) {
    List<String> wrong = new ArrayList<>();
    int counted = 0;
    for (Map.Entry<String, List<Integer>> row : parse(table).entrySet()) {
      String[] route = row.getKey().split(" ");
      for (int r = 0; r < ROLES.size(); r++) {
        String role = ROLES.get(r);
        String path = route[1].replace("{group}", group).replace("{unit}", unit)
            .replace("{member}", "M01").replace("{loan}", "L1").replace("{code}", "1000");
        String body = null;
        if (route[1].endsWith("/savings")) {
          body = "{\"id\": \"MATRIX-" + role + "-" + group + "\", \"member\": \"M02\", \"amount\": \"100\","
              + " \"date\": \"2024-05-04\"}";
        } else if (route[1].endsWith("/repayments")) {
          body = "{\"id\": \"MATRIX-REPAY-" + role + "-" + group + "\", \"amount\": \"10\", \"date\": \"2024-05-20\"}";
        } else if (route[1].endsWith("/imports/meetings")) {
          // a new day's roll for each role that may record, so that each is a 201
          body = "date,member,present\n2024-06-" + (10 + ROLES.indexOf(role)) + ",M03,Y\n";
        } else if (route[1].endsWith("/imports/passbook")) {
          // a deposit a day, each role's balance following the one before it (the roles that may record come first)
          body = "Date,Narration,Withdrawal,Deposit,Balance\n0" + (r + 1) + "/07/2024,CASH DEPOSIT,,10.00,"
              + (10 * (r + 1)) + ".00\n";
        } else if (route[1].endsWith("/operations/batch")) {
          body = "{\"operations\": [{\"key\": \"MATRIX-BATCH-" + role + "-" + group + "\", \"body\": {\"operation\": \"fine\","
              + " \"id\": \"MATRIX-BATCH-" + role + "-" + group + "\", \"member\": \"M03\", \"amount\": \"5\","
              + " \"date\": \"2024-05-04\"}}]}";
        } else if (route[1].endsWith("/operations")) {
          body = "{\"operation\": \"fine\", \"id\": \"MATRIX-OP-" + role + "-" + group + "\", \"member\": \"M03\","
              + " \"amount\": \"5\", \"date\": \"2024-05-04\"}";
        }
        HttpResponse<String> response = server.send(route[0], path, role.equals("anon") ? null
            : server.token(Role.of(role)), body, Map.of());
        counted++;
        if (response.statusCode() != row.getValue().get(r)) {
          wrong.add(row.getKey() + " as " + role + ": expected " + row.getValue().get(r) + ", got "
              + response.statusCode() + " " + response.body().strip());
        }
      }
    }
    assertEquals(LedgerServer.routes().size() * ROLES.size(), counted);
    assertEquals(List.of(), wrong);
  }

  private static Map<String, List<Integer>> parse(String table) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] words = line.strip().split("\\s+");
      List<Integer> statuses = new ArrayList<>();
      for (int w = 2; w < words.length; w++) {
        statuses.add(Integer.parseInt(words[w]));
      }
      assertEquals(ROLES.size(), statuses.size(), line);
      rows.put(words[0] + " " + words[1], statuses);
    }
    return rows;
  }
}
