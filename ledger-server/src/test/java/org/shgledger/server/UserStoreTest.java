package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;

/** The users' store: what is kept of a secret, and that a revocation holds at once. */
class UserStoreTest {

  @TempDir Path folder;

  @Test
  void onlyHashesAreStoredAndARevokedUsersTokenNoLongerAuthenticates() throws Exception {
    Path file = folder.resolve("shg.db");
    String url = "jdbc:sqlite:" + file;
    User meena = new User("meena", Role.COORDINATOR, Optional.of(UnitCode.of("CL-N")), Optional.empty());
    UserStore.Issued issued;
    try (ServerBooks books = TestServer.open(url)) {
      issued = books.users().add(meena, true);
      assertEquals(Optional.of(meena), books.users().authenticate(issued.token()));
      assertEquals(Optional.empty(), books.users().authenticate(issued.token() + "x"));
      assertThrows(IllegalArgumentException.class, () -> books.users().add(meena, false));
    }
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT token_sha256 FROM server_token")) {
        assertTrue(rows.next());
        assertEquals(Secrets.tokenHash(issued.token()), rows.getString(1));
      }
      try (ResultSet rows = statement.executeQuery("SELECT password_hash FROM server_user")) {
        assertTrue(rows.next());
        assertTrue(Secrets.passwordMatches(issued.password(), rows.getString(1)));
      }
    }
    String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains(issued.token()), "the token is nowhere in the database file");
    assertFalse(bytes.contains(issued.password()), "nor the password");

    try (ServerBooks books = TestServer.open(url)) {
      assertTrue(books.users().revoke("meena"));
      assertEquals(Optional.empty(), books.users().authenticate(issued.token()));
      assertFalse(books.users().revoke("meena"));
      assertThrows(IllegalArgumentException.class, () -> books.users().revoke("nobody"));
      assertFalse(books.users().list().get(0).active());
    }
  }

  @Test
  void aRoleHasTheLimitItNeedsAndNoOther() {
    Optional<UnitCode> unit = Optional.of(UnitCode.of("CL-N"));
    Optional<BookId> group = Optional.of(BookId.of("SHG01"));
    assertThrows(IllegalArgumentException.class, () -> new User("a", Role.ADMIN, unit, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new User("c", Role.COORDINATOR, Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new User("t", Role.TREASURER, unit, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new User("d", Role.DONOR, Optional.empty(), group));
    assertThrows(IllegalArgumentException.class, () -> new User("no spaces", Role.AUDITOR, Optional.empty(), Optional.empty()));
    assertEquals(Role.TREASURER, new User("t", Role.TREASURER, Optional.empty(), group).role());
  }
}
