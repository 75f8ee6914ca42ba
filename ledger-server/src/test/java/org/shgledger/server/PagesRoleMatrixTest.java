package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Every page, every role: the status each gets, as {@link RoleMatrixTest} does for the API. A page
 * route without a row fails {@link #everyPageHasARowForEveryRole}. A page without a session is
 * 303 to the sign-in page ("anon"); the roles' limits are the API's (one {@link Access}).
 *
 * <p>The first table asks about the user's own group and unit (SHG01 in EAST-1, unit EAST); the
 * second about another unit's (SHG02 in WEST, unit WEST). POSTs carry the session's CSRF token;
 * {@code POST /sign-in} posts a form without its token (403 for everyone: see PagesTest for a real
 * sign-in); {@code POST /sign-out} signs out a session of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesRoleMatrixTest {

  private static final List<String> ROLES = List.of("admin", "coordinator", "treasurer", "auditor", "donor", "anon");

  private static final String OWN = """
      GET /sign-in                                 200 200 200 200 200 200
      POST /sign-in                                403 403 403 403 403 403
      POST /sign-out                               303 303 303 303 303 303
      GET /                                        200 200 200 200 200 303
      GET /groups/{group}                          200 200 200 200 403 303
      GET /groups/{group}/members/{member}         200 200 200 200 403 303
      GET /groups/{group}/loans                    200 200 200 200 403 303
      GET /groups/{group}/meetings/new             200 200 200 403 403 303
      GET /groups/{group}/meetings/{date}/sheet    200 200 200 403 403 303
      POST /groups/{group}/meetings                303 303 303 403 403 303
      GET /units/{unit}                            200 200 403 200 200 303
      """;

  private static final String OTHER = """
      GET /sign-in                                 200 200 200 200 200 200
      POST /sign-in                                403 403 403 403 403 403
      POST /sign-out                               303 303 303 303 303 303
      GET /                                        200 200 200 200 200 303
      GET /groups/{group}                          200 403 403 200 403 303
      GET /groups/{group}/members/{member}         200 403 403 200 403 303
      GET /groups/{group}/loans                    200 403 403 200 403 303
      GET /groups/{group}/meetings/new             200 403 403 403 403 303
      GET /groups/{group}/meetings/{date}/sheet    200 403 403 403 403 303
      POST /groups/{group}/meetings                303 403 403 403 403 303
      GET /units/{unit}                            200 403 403 200 403 303
      """;

  @TempDir static Path folder;
  private TestServer server;
  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, PageClient> sessions = new HashMap<>();

  @BeforeAll
  void start() {
    server = TestServer.sqlite(folder, TestServer.echo());
    // the same roles and limits as the API's matrix users, with passwords
    for (User user : TestServer.users()) {
      User paged = new User("page." + user.role().word(), user.role(), user.unit(), user.group());
      passwords.put(user.role().word(), server.books.users().add(paged, true, Language.EN).password());
      sessions.put(user.role().word(), signedIn(user.role().word()));
    }
    sessions.put("anon", new PageClient(server.server.port()));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private PageClient signedIn(String role) {
    return new PageClient(server.server.port()).signedIn("page." + role, passwords.get(role));
  }

  @Test
  void everyPageHasARowForEveryRole() {
    for (String table : List.of(OWN, OTHER)) {
      Set<String> routes = new HashSet<>();
      for (Route route : Pages.ROUTES) {
        routes.add(route.toString());
      }
      assertEquals(routes, parse(table).keySet(), "the matrix has exactly one row per page");
    }
  }

  @Test
  void ownGroupAndUnit() {
    check(OWN, "SHG01", "EAST");
  }

  @Test
  void anotherUnitsGroupIsForbiddenAndAudited() {
    check(OTHER, "SHG02", "WEST");
    assertTrue(server.books.users().auditLines(1000).stream().anyMatch(line -> line.contains(
        "\tpage.coordinator\tcoordinator\tGET\t/groups/{group}\tgroup SHG02\t")));
  }

  private void check(String table, String group, String unit) {
    List<String> wrong = new ArrayList<>();
    int counted = 0;
    for (Map.Entry<String, List<Integer>> row : parse(table).entrySet()) {
      String[] route = row.getKey().split(" ");
      for (int r = 0; r < ROLES.size(); r++) {
        String role = ROLES.get(r);
        String path = route[1].replace("{group}", group).replace("{unit}", unit).replace("{member}", "M01")
            .replace("{date}", "2024-05-10");
        PageClient client = route[1].equals("/sign-out") && !role.equals("anon") ? signedIn(role) : sessions.get(role);
        HttpResponse<String> response;
        if (route[0].equals("GET")) {
          response = client.get(path);
        } else {
          Map<String, String> form = new LinkedHashMap<>();
          if (!role.equals("anon") && !route[1].equals("/sign-in")) {
            form.put("csrf", client.csrf());
          }
          form.put("date", "2024-05-10");
          form.put("key", "matrix-" + role + "-" + group);
          response = client.post(path, form);
        }
        counted++;
        if (response.statusCode() != row.getValue().get(r)) {
          wrong.add(row.getKey() + " as " + role + ": expected " + row.getValue().get(r) + ", got "
              + response.statusCode());
        }
      }
    }
    assertEquals(Pages.ROUTES.size() * ROLES.size(), counted);
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
