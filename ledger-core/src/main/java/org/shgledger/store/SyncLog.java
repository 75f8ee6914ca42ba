package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shgledger.group.OperationBodies;
import org.shgledger.group.OperationLog;
import org.shgledger.journal.BookId;

/**
 * A field copy's memory (issue 17, docs/sync.md; schema version 16): the server each cloned book
 * came from ({@code sync_remote}) and every operation recorded on those books, in order, with the
 * server's answer once it has one ({@code sync_operation}). A server's books have no rows here.
 * The token is never kept: each sync command is given it.
 */
public final class SyncLog {

  private SyncLog() {}

  /** Where an operation stands. */
  public enum State {
    /** Recorded here, not yet answered by the server. */
    PENDING,
    /** The server recorded it, or had it already. */
    ACCEPTED,
    /** The server refused it, with its named rejection and message. */
    REFUSED
  }

  /**
   * A cloned book and its server.
   *
   * @param book the group
   * @param serverUrl the server's base URL
   * @param clonedAt when it was cloned, ISO-8601
   * @param pulledAt when it was last pulled (or cloned), ISO-8601
   */
  public record Remote(BookId book, String serverUrl, String clonedAt, String pulledAt) {}

  /**
   * An operation recorded on a field copy.
   *
   * @param sequence its place in the order of recording, from 1
   * @param book the group
   * @param key its idempotency key (the entry id; {@code meeting-roll:DATE} for a roll)
   * @param name the operation, such as {@code save}
   * @param body its JSON body for {@code POST /api/v1/groups/{group}/operations}
   * @param recordedAt when it was recorded here, ISO-8601
   * @param state where it stands
   * @param repeat for an accepted one, whether the server had it already
   * @param rejection for a refused one, the server's named rejection; else null
   * @param reason for a refused one, the server's message; else null
   */
  public record Operation(long sequence, BookId book, String key, String name, String body, String recordedAt,
      State state, boolean repeat, String rejection, String reason) {}

  /**
   * The books of this database that are field copies, with their servers.
   *
   * @param store the database, not null
   * @return the cloned books in book order, empty for a server's or an ordinary database
   */
  public static List<Remote> remotes(LedgerStore store) {
    Database database = store.database();
    return database.read(false, () -> {
      List<Remote> remotes = new ArrayList<>();
      try (ResultSet row = database.prepare("SELECT book_id, server_url, cloned_at, pulled_at FROM sync_remote"
          + " ORDER BY book_id").executeQuery()) {
        while (row.next()) {
          remotes.add(new Remote(BookId.of(row.getString(1)), row.getString(2), row.getString(3), row.getString(4)));
        }
      }
      return remotes;
    });
  }

  /**
   * Marks a book as a field copy of a server's (after {@link BookCopy#write}).
   *
   * @param store the field copy, not null
   * @param remote the book and its server, not null
   */
  public static void remember(LedgerStore store, Remote remote) {
    Database database = store.database();
    database.write(List.of(), () -> {
      PreparedStatement insert = database.prepare("INSERT INTO sync_remote (book_id, server_url, cloned_at,"
          + " pulled_at) VALUES (?, ?, ?, ?)");
      insert.setString(1, remote.book().value());
      insert.setString(2, remote.serverUrl());
      insert.setString(3, remote.clonedAt());
      insert.setString(4, remote.pulledAt());
      insert.executeUpdate();
      return null;
    });
  }

  /**
   * Every operation recorded on the field copy, in order.
   *
   * @param store the field copy, not null
   * @return the operations, not null
   */
  public static List<Operation> operations(LedgerStore store) {
    Database database = store.database();
    return database.read(false, () -> {
      List<Operation> operations = new ArrayList<>();
      try (ResultSet row = database.prepare("SELECT op_seq, book_id, op_key, op_name, op_body, recorded_at,"
          + " op_state, server_repeat, rejection, reason FROM sync_operation ORDER BY op_seq").executeQuery()) {
        while (row.next()) {
          operations.add(new Operation(row.getLong(1), BookId.of(row.getString(2)), row.getString(3),
              row.getString(4), row.getString(5), row.getString(6), State.valueOf(row.getString(7)),
              row.getInt(8) == 1, row.getString(9), row.getString(10)));
        }
      }
      return operations;
    });
  }

  /**
   * The server's answer to one operation, to keep.
   *
   * @param sequence the operation's number, from {@link Operation#sequence()}
   * @param state {@link State#ACCEPTED} or {@link State#REFUSED}, not null
   * @param repeat whether the server had it already (accepted only)
   * @param rejection the named rejection (refused only), or null
   * @param reason the server's message (refused only), or null
   */
  public record Answer(long sequence, State state, boolean repeat, String rejection, String reason) {

    /**
     * Creates an answer.
     *
     * @param sequence the operation's number, from {@link Operation#sequence()}
     * @param state {@link State#ACCEPTED} or {@link State#REFUSED}, not null
     * @param repeat whether the server had it already (accepted only)
     * @param rejection the named rejection (refused only), or null
     * @param reason the server's message (refused only), or null
     * @throws NullPointerException if the state is null
     */
    public Answer {
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * Keeps the server's answers to several operations in one transaction (a push keeps a response's
   * answers so: one commit for a batch, and a crash keeps all of them or none, which the next push
   * sends again and the server answers as repeats).
   *
   * @param store the field copy, not null
   * @param answers the answers, not null
   */
  public static void answer(LedgerStore store, List<Answer> answers) {
    Objects.requireNonNull(answers, "answers");
    if (answers.isEmpty()) {
      return;
    }
    Database database = store.database();
    database.write(List.of(), () -> {
      PreparedStatement update = database.prepare("UPDATE sync_operation SET op_state = ?, server_repeat = ?,"
          + " rejection = ?, reason = ?, answered_at = ? WHERE op_seq = ?");
      String now = Database.now();
      for (Answer answer : answers) {
        update.setString(1, answer.state().name());
        update.setInt(2, answer.repeat() ? 1 : 0);
        update.setString(3, answer.rejection());
        update.setString(4, answer.reason());
        update.setString(5, now);
        update.setLong(6, answer.sequence());
        update.executeUpdate();
      }
      // only a refusal kept now can refuse what was recorded after it; earlier ones did so when kept
      if (answers.stream().anyMatch(answer -> answer.state() == State.REFUSED)) {
        refuseWhatDependsOnRefused(database, update, now);
      }
      return null;
    });
  }

  private record Pending(long sequence, BookId book, Map<String, String> body) {}

  /** The named rejection of an operation recorded for a member or on a loan whose own recording was refused. */
  public static final String DEPENDS_ON_REFUSED = "DEPENDS_ON_REFUSED";

  /**
   * The message of {@link #DEPENDS_ON_REFUSED}.
   *
   * @param name what was refused, such as {@code member:M16} ({@link OperationBodies#creates})
   * @return the message, not null
   */
  public static String dependsOnRefused(String name) {
    return "recorded for " + name.replace(':', ' ') + ", whose own recording was refused: the server's "
        + name.replace(':', ' ') + " is another; record it again under the id given to her or to the loan instead";
  }

  /**
   * Refuses, in the transaction that keeps a refusal, every pending operation recorded after a
   * refused member's joining or loan for her or on it ({@link OperationBodies#creates}): under that
   * id the server holds another woman or loan, so sending them would record them there.
   */
  private static void refuseWhatDependsOnRefused(Database database, PreparedStatement update, String now)
      throws SQLException {
    Map<BookId, Set<String>> refused = new HashMap<>();
    List<Pending> pending = new ArrayList<>();
    try (ResultSet row = database.prepare("SELECT op_seq, book_id, op_body, op_state FROM sync_operation"
        + " WHERE op_state IN ('REFUSED', 'PENDING') ORDER BY op_seq").executeQuery()) {
      while (row.next()) {
        BookId book = BookId.of(row.getString(2));
        Map<String, String> body = OperationBodies.fields(row.getString(3));
        if (row.getString(4).equals(State.REFUSED.name())) {
          OperationBodies.creates(body).ifPresent(name -> refused.computeIfAbsent(book, b -> new HashSet<>()).add(name));
        } else if (refused.containsKey(book)) {
          pending.add(new Pending(row.getLong(1), book, body));
        }
      }
    }
    for (Pending op : pending) {
      Set<String> gone = refused.get(op.book());
      java.util.Optional<String> name = OperationBodies.names(op.body()).stream().filter(gone::contains).findFirst();
      if (name.isPresent()) {
        update.setString(1, State.REFUSED.name());
        update.setInt(2, 0);
        update.setString(3, DEPENDS_ON_REFUSED);
        update.setString(4, dependsOnRefused(name.get()));
        update.setString(5, now);
        update.setLong(6, op.sequence());
        update.executeUpdate();
        // a loan paid out to her is refused with her, and so are its repayments
        OperationBodies.creates(op.body()).ifPresent(gone::add);
      }
    }
  }

  /**
   * Copies the field copy's memory (its servers, marked pulled now, and every operation with its
   * state) into a new database holding the server's books: what a pull keeps.
   *
   * @param from the field copy being replaced, not null
   * @param to the new database, not null
   */
  public static void copy(LedgerStore from, LedgerStore to) {
    List<Remote> remotes = remotes(from);
    List<Operation> operations = operations(from);
    Database database = to.database();
    String now = Database.now();
    database.write(List.of(), () -> {
      PreparedStatement remote = database.prepare("INSERT INTO sync_remote (book_id, server_url, cloned_at,"
          + " pulled_at) VALUES (?, ?, ?, ?)");
      for (Remote r : remotes) {
        remote.setString(1, r.book().value());
        remote.setString(2, r.serverUrl());
        remote.setString(3, r.clonedAt());
        remote.setString(4, now);
        remote.executeUpdate();
      }
      PreparedStatement insert = database.prepare("INSERT INTO sync_operation (op_seq, book_id, op_key, op_name,"
          + " op_body, recorded_at, op_state, server_repeat, rejection, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (Operation op : operations) {
        insert.setLong(1, op.sequence());
        insert.setString(2, op.book().value());
        insert.setString(3, op.key());
        insert.setString(4, op.name());
        insert.setString(5, op.body());
        insert.setString(6, op.recordedAt());
        insert.setString(7, op.state().name());
        insert.setInt(8, op.repeat() ? 1 : 0);
        insert.setString(9, op.rejection());
        insert.setString(10, op.reason());
        insert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * On a server: the refusal a pushed operation got before, if any (kept by {@link #refused}). The
   * same operation is the same key with the same body: two devices may push different operations
   * under one key (two women given one member id, two rolls of one day), and the refusal of one is
   * not the other's answer.
   *
   * @param store the server's books, not null
   * @param book the group, not null
   * @param key the operation's key, not null
   * @param body the operation's body, not null
   * @return the rejection's name and message, or empty
   */
  public static java.util.Optional<String[]> refusal(LedgerStore store, BookId book, String key, String body) {
    Database database = store.database();
    return database.read(false, () -> {
      // a refusal kept before the body was part of its key (schema 16's first rows) still answers
      PreparedStatement query = database.prepare("SELECT rejection, reason FROM sync_refusal WHERE book_id = ?"
          + " AND op_key IN (?, ?)");
      query.setString(1, book.value());
      query.setString(2, refusalKey(key, body));
      query.setString(3, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? java.util.Optional.of(new String[] {row.getString(1), row.getString(2)})
            : java.util.Optional.<String[]>empty();
      }
    });
  }

  /**
   * On a server: keeps a pushed operation's refusal, so that a late copy of it gets the same one.
   *
   * @param store the server's books, not null
   * @param book the group, not null
   * @param key the operation's key, not null
   * @param body the operation's body, not null
   * @param rejection the rejection's name, not null
   * @param reason its message, not null
   */
  public static void refused(LedgerStore store, BookId book, String key, String body, String rejection,
      String reason) {
    Database database = store.database();
    database.write(List.of(book), () -> {
      if (refusal(store, book, key, body).isPresent()) {
        return null;
      }
      PreparedStatement insert = database.prepare("INSERT INTO sync_refusal (book_id, op_key, rejection, reason,"
          + " refused_at) VALUES (?, ?, ?, ?, ?)");
      insert.setString(1, book.value());
      insert.setString(2, refusalKey(key, body));
      insert.setString(3, rejection);
      insert.setString(4, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
      insert.setString(5, Database.now());
      insert.executeUpdate();
      return null;
    });
  }

  /** The key a refusal is kept under: the operation's key and the first 64 bits of its body's SHA-256. */
  static String refusalKey(String key, String body) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return key + " sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The engine's log on a store: keeps the operations of the books that were field copies when it opened. */
  static final class FieldCopyLog implements OperationLog {
    private final Database database;
    private final Set<BookId> books = new HashSet<>();

    FieldCopyLog(Database database) {
      this.database = database;
      database.read(false, () -> {
        try (ResultSet row = database.prepare("SELECT book_id FROM sync_remote").executeQuery()) {
          while (row.next()) {
            books.add(BookId.of(row.getString(1)));
          }
        }
        return null;
      });
    }

    @Override
    public boolean active(BookId book) {
      return books.contains(book);
    }

    @Override
    public void recorded(BookId book, String key, Map<String, String> body) {
      String json = OperationBodies.json(body);
      database.write(List.of(book), () -> {
        PreparedStatement known = database.prepare("SELECT op_body FROM sync_operation WHERE book_id = ? AND"
            + " (op_key = ? OR (op_key > ? AND op_key < ?)) ORDER BY op_seq DESC");
        known.setString(1, book.value());
        known.setString(2, key);
        // KEY#2, KEY#3 ... sort between KEY# and KEY$
        known.setString(3, key + "#");
        known.setString(4, key + "$");
        int versions = 0;
        try (ResultSet row = known.executeQuery()) {
          while (row.next()) {
            if (versions++ == 0 && row.getString(1).equals(json)) {
              return null; // a repeat of the last: nothing new to send
            }
          }
        }
        long next;
        try (ResultSet row = database.prepare("SELECT COALESCE(MAX(op_seq), 0) + 1 FROM sync_operation")
            .executeQuery()) {
          row.next();
          next = row.getLong(1);
        }
        PreparedStatement insert = database.prepare("INSERT INTO sync_operation (op_seq, book_id, op_key, op_name,"
            + " op_body, recorded_at, op_state) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')");
        insert.setLong(1, next);
        insert.setString(2, book.value());
        // a roll recorded again with other answers is a second operation under the same day
        insert.setString(3, versions == 0 ? key : key + "#" + (versions + 1));
        insert.setString(4, body.get("operation"));
        insert.setString(5, json);
        insert.setString(6, Database.now());
        insert.executeUpdate();
        return null;
      });
    }
  }
}
