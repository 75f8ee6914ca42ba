package org.shgledger.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;

/**
 * The server's users and their bearer tokens, in the books' own database (tables {@code
 * server_user}, {@code server_token} and {@code server_audit}, created by the store's migration:
 * docs/store.md), read and written with plain JDBC on connections borrowed from the server's pool.
 *
 * <p>Every call borrows a connection and gives it back: nothing is cached, so several servers over
 * one PostgreSQL see a revocation at once. The SQL is portable (SQLite and PostgreSQL).
 */
public final class UserStore {

  /** Rows {@link #list()} returns at most: a limit on every read. */
  public static final int MAX_USERS = 10_000;

  private final DataSource dataSource;
  private final Clock clock;

  /**
   * A store over a database whose schema is current (opened once by {@code LedgerStore}).
   *
   * @param dataSource the pool, not null
   * @param clock the clock for the times recorded, not null
   */
  public UserStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A new user and her first secrets, shown once.
   *
   * @param user the user
   * @param token her bearer token
   * @param password her one-time password, or null when none was asked for
   */
  public record Issued(User user, String token, String password) {}

  /**
   * Adds a user with a new bearer token and, if asked, a one-time password (for the sign-in pages
   * to come; API clients need only the token, and Argon2id costs a fraction of a second).
   *
   * @param user the user, not null
   * @param withPassword whether to issue a password too
   * @return the user and her secrets, which are stored only as hashes
   * @throws IllegalArgumentException if a user of that name exists (revoked or not)
   */
  public Issued add(User user, boolean withPassword) {
    return add(user, withPassword, Language.EN);
  }

  /**
   * Adds a user as {@link #add(User, boolean)} does, who reads the pages in a language.
   *
   * @param user the user, not null
   * @param withPassword whether to issue a password too (needed to sign in to the pages)
   * @param language the language of her pages, not null
   * @return the user and her secrets, which are stored only as hashes
   * @throws IllegalArgumentException if a user of that name exists (revoked or not)
   */
  public Issued add(User user, boolean withPassword, Language language) {
    Objects.requireNonNull(language, "language");
    String token = Secrets.newToken();
    String password = withPassword ? Secrets.newPassword() : null;
    String now = now();
    run(connection -> {
      if (find(connection, user.name()).isPresent()) {
        throw new IllegalArgumentException("there is a user " + user.name() + " already");
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO server_user (user_name, user_role, unit_code, group_code, password_hash, created_at,"
              + " user_lang) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, user.name());
        insert.setString(2, user.role().word());
        insert.setString(3, user.unit().map(UnitCode::value).orElse(null));
        insert.setString(4, user.group().map(BookId::value).orElse(null));
        insert.setString(5, password == null ? null : Secrets.passwordHash(password));
        insert.setString(6, now);
        insert.setString(7, language.code());
        insert.executeUpdate();
      }
      insertToken(connection, user.name(), token, now);
      return null;
    });
    return new Issued(user, token, password);
  }

  /**
   * Revokes a user: her tokens stop working at once, on every server.
   *
   * @param name the user's name, not null
   * @return true if she was active; false if she was revoked already
   * @throws IllegalArgumentException if there is no such user
   */
  public boolean revoke(String name) {
    String now = now();
    return run(connection -> {
      if (find(connection, name).isEmpty()) {
        throw new IllegalArgumentException("there is no user " + name);
      }
      int users;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE server_user SET revoked_at = ? WHERE user_name = ? AND revoked_at IS NULL")) {
        update.setString(1, now);
        update.setString(2, name);
        users = update.executeUpdate();
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE server_token SET revoked_at = ? WHERE user_name = ? AND revoked_at IS NULL")) {
        update.setString(1, now);
        update.setString(2, name);
        update.executeUpdate();
      }
      return users == 1;
    });
  }

  /** A user as listed: whether she is active, and when she was added. */
  public record Listed(User user, boolean active, String createdAt) {}

  /**
   * Every user, active or revoked, by name.
   *
   * @return the users, at most {@link #MAX_USERS}
   */
  public List<Listed> list() {
    return run(connection -> {
      List<Listed> users = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT user_name, user_role, unit_code, group_code, revoked_at, created_at FROM server_user"
              + " ORDER BY user_name")) {
        query.setMaxRows(MAX_USERS);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            users.add(new Listed(user(rows), rows.getString(5) == null, rows.getString(6)));
          }
        }
      }
      return users;
    });
  }

  /**
   * The active user a bearer token belongs to.
   *
   * @param token the token as presented, not null
   * @return the user, or empty for an unknown or revoked token
   */
  public Optional<User> authenticate(String token) {
    String hash = Secrets.tokenHash(token);
    return run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT u.user_name, u.user_role, u.unit_code, u.group_code FROM server_token t"
              + " JOIN server_user u ON u.user_name = t.user_name"
              + " WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND u.revoked_at IS NULL")) {
        query.setString(1, hash);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(user(rows)) : Optional.<User>empty();
        }
      }
    });
  }

  /**
   * Writes an audit line: a request the user's role was refused. Holds no secret, body or query.
   *
   * @param user the user, not null
   * @param method the HTTP method, not null
   * @param route the route's template, such as {@code /api/v1/groups/{group}/statement}, not null
   * @param target the group or unit asked for, such as {@code group SHG02}, not null
   * @param reason why it was refused, not null
   */
  public void audit(User user, String method, String route, String target, String reason) {
    String now = now();
    run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO server_audit (audit_id, at, user_name, user_role, method, route, target, reason)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, now);
        insert.setString(3, user.name());
        insert.setString(4, user.role().word());
        insert.setString(5, cut(method, 8));
        insert.setString(6, cut(route, 120));
        insert.setString(7, cut(target, 80));
        insert.setString(8, cut(reason, 200));
        insert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Writes an audit line for a name locked after failed sign-ins to the pages. The name is the one
   * typed, which may be no user's; the role is then {@code -}.
   *
   * @param name the name typed, not null
   * @param reason what happened, not null
   */
  public void auditSignIn(String name, String reason) {
    String now = now();
    run(connection -> {
      String role = find(connection, name).map(user -> user.role().word()).orElse("-");
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO server_audit (audit_id, at, user_name, user_role, method, route, target, reason)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, now);
        insert.setString(3, cut(name, 64));
        insert.setString(4, role);
        insert.setString(5, "POST");
        insert.setString(6, "/sign-in");
        insert.setString(7, "-");
        insert.setString(8, cut(reason, 200));
        insert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * The audit lines, oldest first, at most {@code limit}.
   *
   * @param limit the most lines returned, positive
   * @return each line as {@code at user role method route target reason}, tab-separated
   */
  public List<String> auditLines(int limit) {
    return run(connection -> {
      List<String> lines = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT at, user_name, user_role, method, route, target, reason FROM server_audit ORDER BY at, audit_id")) {
        query.setMaxRows(limit);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            List<String> fields = new ArrayList<>();
            for (int column = 1; column <= 7; column++) {
              fields.add(rows.getString(column));
            }
            lines.add(String.join("\t", fields));
          }
        }
      }
      return lines;
    });
  }

  private static void insertToken(Connection connection, String name, String token, String now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO server_token (token_sha256, user_name, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, Secrets.tokenHash(token));
      insert.setString(2, name);
      insert.setString(3, now);
      insert.executeUpdate();
    }
  }

  private static Optional<User> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT user_name, user_role, unit_code, group_code FROM server_user WHERE user_name = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(user(rows)) : Optional.empty();
      }
    }
  }

  static User user(ResultSet rows) throws SQLException {
    return new User(rows.getString(1), Role.of(rows.getString(2)),
        Optional.ofNullable(rows.getString(3)).map(UnitCode::of),
        Optional.ofNullable(rows.getString(4)).map(BookId::of));
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Work on one borrowed connection, in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs work on one borrowed connection in one transaction (also for {@link Sessions}). */
  <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the users' tables cannot be read or written: " + e.getMessage(), e);
    }
  }
}
