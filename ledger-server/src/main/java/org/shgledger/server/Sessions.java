package org.shgledger.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in for the pages (docs/server.md, "Sessions"): passwords checked against their Argon2id
 * hashes, failed sign-ins counted and a name locked after too many, and sessions, all in the
 * database (tables of migration V15) so that several servers over one PostgreSQL behave as one: a
 * session opened on one is good on the others, and a lock-out counted on one holds on all.
 *
 * <p>A session id is 256 random bits, held by the browser in a cookie and stored only as its
 * SHA-256, as a bearer token is. Each session has its own CSRF token, which every form of the pages
 * carries and every POST is checked against.
 */
final class Sessions {

  /** How long a session lasts from sign-in; then the user signs in again. */
  static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  /** Failed sign-ins of one name within {@link #FAILURE_WINDOW} that lock it. */
  static final int MAX_FAILURES = 5;

  /** The window in which failures are counted; a failure after it starts a new count. */
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

  /** How long a name stays locked: no password is even checked for it meanwhile. */
  static final Duration LOCK_TIME = Duration.ofMinutes(15);

  /** How long an ended or expired session's row is kept before a sign-in deletes it. */
  static final Duration PRUNE_AFTER = Duration.ofDays(1);

  /** The longest password read; a longer one is wrong without being hashed. */
  static final int MAX_PASSWORD_LENGTH = 200;

  /**
   * A hash that matches no password, checked for a name that has none, so that an unknown name
   * costs as long as a known one and the time of the answer tells nothing. Written out rather than
   * made at start: making it is one Argon2id hash, which held up {@code shg serve}'s first answer
   * (docs/performance.md, "Start-up"). It is {@link Secrets#passwordHash} of a {@link
   * Secrets#newPassword} that was thrown away, with the same parameters as every user's, so checking
   * it costs what checking hers does; and a password that matched it would still be refused, since
   * there is no such user. SessionsTest checks the parameters.
   */
  static final String NO_ONES_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$z9DexEctfQOQkBzlgjzb1g$tu38YNj5h3PcbIFvkvRnC5st1EfXc8hKUd/T5NPa2Ws";

  private final UserStore users;
  private final Clock clock;

  Sessions(UserStore users, Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A signed-in user's session: who, the language of her pages, the token her forms carry. */
  record Session(User user, Language language, String csrf) {}

  /** The answer to a sign-in. */
  sealed interface SignIn {
    /** Signed in: the new session's id, for the cookie (shown once, never stored). */
    record Opened(String sessionId, Session session) implements SignIn {}

    /** A wrong name or password; the same whether or not the name exists. */
    record Refused() implements SignIn {}

    /** The name is locked after too many failures, for the minutes given. */
    record Locked(long minutes) implements SignIn {}
  }

  /**
   * Signs a user in with her password, counting a failure against the name typed (whether or not
   * such a user exists); the {@value #MAX_FAILURES}th failure within the window locks the name for
   * {@link #LOCK_TIME} and writes an audit line.
   *
   * @param name the name typed, not null
   * @param password the password typed, not null
   * @return opened, refused or locked
   */
  SignIn signIn(String name, String password) {
    long now = clock.millis();
    prune(now);
    String key = name.length() > User.MAX_NAME_LENGTH ? name.substring(0, User.MAX_NAME_LENGTH) : name;
    Optional<Long> lockedUntil = lockedUntil(key, now);
    if (lockedUntil.isPresent()) {
      return new SignIn.Locked(minutes(lockedUntil.get() - now));
    }
    Optional<Candidate> candidate = candidate(key);
    String hash = candidate.map(Candidate::passwordHash).orElse(NO_ONES_HASH);
    boolean matches = password.length() <= MAX_PASSWORD_LENGTH && Secrets.passwordMatches(password, hash)
        && candidate.isPresent();
    if (!matches) {
      return failed(key, now);
    }
    users.run(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM server_sign_in_failure WHERE user_name = ?")) {
        delete.setString(1, key);
        delete.executeUpdate();
      }
      return null;
    });
    String id = Secrets.newToken();
    String csrf = Secrets.newPassword() + Secrets.newPassword();
    users.run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO server_session (session_sha256, user_name, csrf_token, created_ms, expires_ms)"
              + " VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, Secrets.tokenHash(id));
        insert.setString(2, key);
        insert.setString(3, csrf);
        insert.setLong(4, now);
        insert.setLong(5, now + SESSION_LIFETIME.toMillis());
        insert.executeUpdate();
      }
      return null;
    });
    return new SignIn.Opened(id, new Session(candidate.get().user(), candidate.get().language(), csrf));
  }

  /**
   * The session a cookie names, if it is still good: not ended, not expired, its user not revoked.
   *
   * @param sessionId the cookie's value, not null
   * @return the session, or empty
   */
  Optional<Session> session(String sessionId) {
    if (sessionId.length() > 100) {
      return Optional.empty();
    }
    long now = clock.millis();
    return users.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT u.user_name, u.user_role, u.unit_code, u.group_code, u.user_lang, s.csrf_token"
              + " FROM server_session s JOIN server_user u ON u.user_name = s.user_name"
              + " WHERE s.session_sha256 = ? AND s.ended_ms IS NULL AND s.expires_ms > ? AND u.revoked_at IS NULL")) {
        query.setString(1, Secrets.tokenHash(sessionId));
        query.setLong(2, now);
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            return Optional.<Session>empty();
          }
          return Optional.of(new Session(UserStore.user(rows), language(rows.getString(5)), rows.getString(6)));
        }
      }
    });
  }

  /**
   * Ends a session (signing out): its cookie is good nowhere after this.
   *
   * @param sessionId the cookie's value, not null
   */
  void end(String sessionId) {
    long now = clock.millis();
    users.run(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE server_session SET ended_ms = ? WHERE session_sha256 = ? AND ended_ms IS NULL")) {
        update.setLong(1, now);
        update.setString(2, Secrets.tokenHash(sessionId));
        update.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Whether a form's CSRF token is its session's, compared in constant time.
   *
   * @param session the session, not null
   * @param token the token the form carried, or null
   * @return true if they are the same
   */
  static boolean csrfMatches(Session session, String token) {
    return token != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What a form of the group with this idempotency key recorded, if it was recorded already.
   *
   * @param key the key the form carried, not null
   * @param group the group's code, not null
   * @return the summary kept for it, or empty for a new form
   */
  Optional<String> submitted(String key, String group) {
    return users.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT summary FROM server_form_submission WHERE submission_key = ? AND group_code = ?")) {
        query.setString(1, key);
        query.setString(2, group);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /**
   * Keeps a recorded form's idempotency key. A key kept already (the same form sent to two servers
   * at once) is left as it is: the import's entry ids made the second a no-op.
   *
   * @param key the key, not null
   * @param user who sent it, not null
   * @param group the group, not null
   * @param summary what was recorded, for the answer to a repeat, not null
   */
  void keepSubmission(String key, User user, String group, String summary) {
    if (submitted(key, group).isPresent()) {
      return;
    }
    long now = clock.millis();
    try {
      users.run(connection -> {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO server_form_submission (submission_key, user_name, group_code, recorded_ms, summary)"
                + " VALUES (?, ?, ?, ?, ?)")) {
          insert.setString(1, key);
          insert.setString(2, user.name());
          insert.setString(3, group);
          insert.setLong(4, now);
          insert.setString(5, summary.length() <= 200 ? summary : summary.substring(0, 200));
          insert.executeUpdate();
        }
        return null;
      });
    } catch (IllegalStateException e) {
      if (submitted(key, group).isEmpty()) {
        throw e;
      }
    }
  }

  /**
   * Deletes what no answer needs any more, so that neither table grows without end: sessions ended
   * or expired a day ago, and failure counts whose window and lock are both over (a failure after
   * its window counts from one again anyway).
   */
  private void prune(long now) {
    users.run(connection -> {
      try (PreparedStatement sessions = connection.prepareStatement(
          "DELETE FROM server_session WHERE expires_ms < ? OR ended_ms < ?")) {
        sessions.setLong(1, now - PRUNE_AFTER.toMillis());
        sessions.setLong(2, now - PRUNE_AFTER.toMillis());
        sessions.executeUpdate();
      }
      try (PreparedStatement failures = connection.prepareStatement(
          "DELETE FROM server_sign_in_failure WHERE window_start_ms < ? AND (locked_until_ms IS NULL OR locked_until_ms < ?)")) {
        failures.setLong(1, now - FAILURE_WINDOW.toMillis());
        failures.setLong(2, now);
        failures.executeUpdate();
      }
      return null;
    });
  }

  /** A user who may sign in: her row, with its password hash. */
  private record Candidate(User user, Language language, String passwordHash) {}

  private Optional<Candidate> candidate(String name) {
    return users.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT user_name, user_role, unit_code, group_code, user_lang, password_hash FROM server_user"
              + " WHERE user_name = ? AND revoked_at IS NULL AND password_hash IS NOT NULL")) {
        query.setString(1, name);
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            return Optional.<Candidate>empty();
          }
          return Optional.of(new Candidate(UserStore.user(rows), language(rows.getString(5)), rows.getString(6)));
        }
      }
    });
  }

  private Optional<Long> lockedUntil(String name, long now) {
    return users.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT locked_until_ms FROM server_sign_in_failure WHERE user_name = ?")) {
        query.setString(1, name);
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            long until = rows.getLong(1);
            if (!rows.wasNull() && until > now) {
              return Optional.of(until);
            }
          }
          return Optional.<Long>empty();
        }
      }
    });
  }

  /** Counts a failure, in one transaction with the read, and locks the name at the limit. */
  private SignIn failed(String name, long now) {
    boolean locked;
    try {
      locked = count(name, now);
    } catch (IllegalStateException e) {
      // another server inserted the name's first failure at the same moment: count on its row
      locked = count(name, now);
    }
    if (locked) {
      users.auditSignIn(name, "locked for " + LOCK_TIME.toMinutes() + " minutes after " + MAX_FAILURES
          + " failed sign-ins in " + FAILURE_WINDOW.toMinutes() + " minutes");
      return new SignIn.Locked(LOCK_TIME.toMinutes());
    }
    return new SignIn.Refused();
  }

  private boolean count(String name, long now) {
    return users.run(connection -> {
      Failures failures = failures(connection, name);
      int count = failures == null || now - failures.windowStart() > FAILURE_WINDOW.toMillis() ? 1 : failures.count() + 1;
      long windowStart = count == 1 ? now : failures.windowStart();
      Long lockedUntil = count >= MAX_FAILURES ? now + LOCK_TIME.toMillis() : null;
      String sql = failures == null
          ? "INSERT INTO server_sign_in_failure (failures, window_start_ms, locked_until_ms, user_name) VALUES (?, ?, ?, ?)"
          : "UPDATE server_sign_in_failure SET failures = ?, window_start_ms = ?, locked_until_ms = ? WHERE user_name = ?";
      try (PreparedStatement write = connection.prepareStatement(sql)) {
        // a lock starts a new count: the next failure after it ends counts from one
        write.setInt(1, lockedUntil == null ? count : 0);
        write.setLong(2, windowStart);
        if (lockedUntil == null) {
          write.setNull(3, java.sql.Types.BIGINT);
        } else {
          write.setLong(3, lockedUntil);
        }
        write.setString(4, name);
        write.executeUpdate();
      }
      return lockedUntil != null;
    });
  }

  private record Failures(int count, long windowStart) {}

  private static Failures failures(Connection connection, String name) throws SQLException {
    // FOR UPDATE would serialise two servers' counts on PostgreSQL, but SQLite has no such clause;
    // a lost count between two servers at the same millisecond lets one more guess through, no more
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT failures, window_start_ms FROM server_sign_in_failure WHERE user_name = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? new Failures(rows.getInt(1), rows.getLong(2)) : null;
      }
    }
  }

  private static Language language(String code) {
    return code == null ? Language.EN : Language.of(code);
  }

  private static long minutes(long millis) {
    return Math.max(1, (millis + 59_999) / 60_000);
  }
}
