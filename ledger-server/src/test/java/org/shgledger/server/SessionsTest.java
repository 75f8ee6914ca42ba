package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.DateLimits;
import org.shgledger.journal.BookId;

/**
 * Sign-in over time, on a clock the test moves: a lock lasts {@link Sessions#LOCK_TIME} and then
 * the right password works; failures spread wider than {@link Sessions#FAILURE_WINDOW} never lock;
 * a session lasts {@link Sessions#SESSION_LIFETIME}; old rows are deleted.
 */
class SessionsTest {

  /** A clock that stands still until the test moves it. */
  static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path folder;
  private final MovingClock clock = new MovingClock();
  private ServerBooks books;
  private String url;
  private String password;

  @BeforeEach
  void open() {
    url = "jdbc:sqlite:" + folder.resolve("shg.db");
    books = ServerBooks.open(url, DateLimits.standard(), clock);
    books.store().engine();
    password = books.users().add(new User("lakshmi", Role.TREASURER, Optional.empty(), Optional.of(BookId.of("SHG01"))),
        true, Language.HI).password();
  }

  @AfterEach
  void close() {
    books.close();
  }

  @Test
  void aLockEndsAfterItsTimeAndTheRightPasswordThenWorks() {
    Sessions sessions = books.sessions();
    for (int attempt = 1; attempt < Sessions.MAX_FAILURES; attempt++) {
      assertInstanceOf(Sessions.SignIn.Refused.class, sessions.signIn("lakshmi", "wrong"));
      clock.move(Duration.ofMinutes(1));
    }
    Sessions.SignIn locked = sessions.signIn("lakshmi", "wrong");
    assertEquals(new Sessions.SignIn.Locked(15), locked);
    clock.move(Sessions.LOCK_TIME.minusMinutes(1));
    assertEquals(new Sessions.SignIn.Locked(1), sessions.signIn("lakshmi", password));
    clock.move(Duration.ofMinutes(1));
    Sessions.SignIn opened = sessions.signIn("lakshmi", password);
    assertInstanceOf(Sessions.SignIn.Opened.class, opened);
    assertEquals(Language.HI, ((Sessions.SignIn.Opened) opened).session().language());
  }

  @Test
  void failuresSpreadWiderThanTheWindowNeverLock() {
    Sessions sessions = books.sessions();
    for (int attempt = 1; attempt <= 3 * Sessions.MAX_FAILURES; attempt++) {
      assertInstanceOf(Sessions.SignIn.Refused.class, sessions.signIn("lakshmi", "wrong"));
      clock.move(Sessions.FAILURE_WINDOW.dividedBy(Sessions.MAX_FAILURES - 1).plusSeconds(1));
    }
    assertInstanceOf(Sessions.SignIn.Opened.class, sessions.signIn("lakshmi", password));
  }

  @Test
  void aSessionLastsItsLifetimeAndOldRowsAreDeleted() throws SQLException {
    Sessions sessions = books.sessions();
    Sessions.SignIn.Opened opened = (Sessions.SignIn.Opened) sessions.signIn("lakshmi", password);
    assertTrue(sessions.session(opened.sessionId()).isPresent());
    clock.move(Sessions.SESSION_LIFETIME.minusSeconds(1));
    assertTrue(sessions.session(opened.sessionId()).isPresent());
    clock.move(Duration.ofSeconds(1));
    assertTrue(sessions.session(opened.sessionId()).isEmpty(), "expired");
    sessions.signIn("ghost", "x");
    assertEquals(1, count("server_session"));
    assertEquals(1, count("server_sign_in_failure"));
    clock.move(Sessions.PRUNE_AFTER.plusSeconds(1));
    sessions.signIn("lakshmi", password);
    assertEquals(1, count("server_session"), "the expired one is gone, the new one kept");
    assertEquals(0, count("server_sign_in_failure"), "the ghost's old count is gone");
    // a revoked user's session stops at once
    Sessions.SignIn.Opened again = (Sessions.SignIn.Opened) sessions.signIn("lakshmi", password);
    books.users().revoke("lakshmi");
    assertTrue(sessions.session(again.sessionId()).isEmpty());
  }

  @Test
  void anUnknownNamesHashCostsWhatAUsersDoes() {
    // the same algorithm, version and parameters as a hash made now, so checking it takes as long
    String fresh = Secrets.passwordHash(Secrets.newPassword());
    assertEquals(fresh.substring(0, fresh.lastIndexOf('$', fresh.lastIndexOf('$') - 1)),
        Sessions.NO_ONES_HASH.substring(0, Sessions.NO_ONES_HASH.lastIndexOf('$', Sessions.NO_ONES_HASH.lastIndexOf('$') - 1)));
    assertTrue(!Secrets.passwordMatches("", Sessions.NO_ONES_HASH));
    assertTrue(!Secrets.passwordMatches(Secrets.newPassword(), Sessions.NO_ONES_HASH));
  }

  private int count(String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
