package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shg user add|revoke|list}: secrets shown once, the token last, never listed. */
class UserCommandTest {

  @TempDir Path folder;
  private String db;

  @BeforeEach
  void books() {
    Path file = folder.resolve("shg.db");
    ReportBooks.record(file);
    db = file.toString();
  }

  @Test
  void addPrintsThePasswordAndTheTokenLastAndListShowsNeither() {
    Run add = Run.shg("user", "add", "meena", "--role", "treasurer", "--group", "SHG01", "--password", "--db", db);
    assertEquals(0, add.exitCode(), add.err());
    String[] words = add.out().strip().split("\\s+");
    String token = words[words.length - 1];
    assertTrue(token.startsWith("shg_"), add.out());
    assertTrue(add.out().startsWith("added meena, treasurer of group SHG01\npassword (shown once): "), add.out());

    Run list = Run.shg("user", "list", "--db", db);
    assertEquals(0, list.exitCode(), list.err());
    String password = add.out().lines().filter(line -> line.startsWith("password")).findFirst().orElseThrow()
        .replaceAll(".* ", "");
    assertFalse(list.out().contains(password));
    assertTrue(list.out().startsWith("meena\ttreasurer\tgroup SHG01\tactive\t"), list.out());
    assertFalse(list.out().contains(token));
  }

  @Test
  void withoutPasswordOnlyTheTokenIsIssued() {
    Run add = Run.shg("user", "add", "kiran", "--role", "donor", "--unit", "U1", "--db", db);
    assertEquals(ExitCodes.NOT_FOUND, add.exitCode(), "no unit U1: " + add.err());
    Run admin = Run.shg("user", "add", "kiran", "--role", "auditor", "--db", db);
    assertEquals(0, admin.exitCode(), admin.err());
    assertEquals(2, admin.out().lines().count(), admin.out());
    assertTrue(admin.out().matches("added kiran, auditor\ntoken \\(shown once\\): shg_[A-Za-z0-9_-]{43}\n"), admin.out());
  }

  @Test
  void aRoleMustHaveTheLimitItNeedsAndItMustExist() {
    Run noGroup = Run.shg("user", "add", "meena", "--role", "treasurer", "--db", db);
    assertEquals(ExitCodes.USAGE, noGroup.exitCode());
    assertTrue(noGroup.err().contains("a treasurer has a --group and no --unit"), noGroup.err());

    Run unknownGroup = Run.shg("user", "add", "meena", "--role", "treasurer", "--group", "SHG99", "--db", db);
    assertEquals(ExitCodes.NOT_FOUND, unknownGroup.exitCode(), unknownGroup.err());

    Run both = Run.shg("user", "add", "meena", "--role", "coordinator", "--unit", "U1", "--group", "SHG01", "--db", db);
    assertEquals(ExitCodes.USAGE, both.exitCode());

    Run badRole = Run.shg("user", "add", "meena", "--role", "boss", "--db", db);
    assertEquals(ExitCodes.USAGE, badRole.exitCode());
    assertTrue(badRole.err().contains("admin, coordinator, treasurer, auditor or donor"), badRole.err());
  }

  @Test
  void theLanguageOfHerPagesIsKeptWithHerAndIsEnHiOrBn() throws java.sql.SQLException {
    assertEquals(0, Run.shg("user", "add", "rina", "--role", "treasurer", "--group", "SHG01", "--password",
        "--lang", "bn", "--db", db).exitCode());
    assertEquals(0, Run.shg("user", "add", "asha", "--role", "admin", "--db", db).exitCode());
    Run bad = Run.shg("user", "add", "kiran", "--role", "admin", "--lang", "fr", "--db", db);
    assertEquals(ExitCodes.USAGE, bad.exitCode());
    assertTrue(bad.err().contains("a language is en, hi or bn, not 'fr'"), bad.err());
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT user_name, user_lang FROM server_user ORDER BY user_name")) {
      StringBuilder found = new StringBuilder();
      while (rows.next()) {
        found.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
      }
      assertEquals("asha=en rina=bn ", found.toString());
    }
  }

  @Test
  void aNameIsTakenOnceAndRevokingTwiceSaysSo() {
    assertEquals(0, Run.shg("user", "add", "asha", "--role", "admin", "--db", db).exitCode());
    Run again = Run.shg("user", "add", "asha", "--role", "auditor", "--db", db);
    assertEquals(ExitCodes.REJECTED, again.exitCode());
    assertEquals("shg: rejected: there is a user asha already\n", again.err());

    assertEquals("revoked asha\n", Run.shg("user", "revoke", "asha", "--db", db).out());
    assertEquals("asha was revoked already\n", Run.shg("user", "revoke", "asha", "--db", db).out());
    Run nobody = Run.shg("user", "revoke", "nobody", "--db", db);
    assertEquals(ExitCodes.REJECTED, nobody.exitCode());
    assertTrue(Run.shg("user", "list", "--db", db).out().startsWith("asha\tadmin\t-\trevoked\t"));
  }
}
