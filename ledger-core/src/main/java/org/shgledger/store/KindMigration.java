package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.group.LegacyKinds;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;

/**
 * The Java step of schema version 5: gives every entry recorded before entries carried their kind
 * the kind, member and loan the engine of its time meant ({@link LegacyKinds}). Runs inside the
 * migration's transaction, so a crash leaves the book at version 4, to be migrated again.
 */
final class KindMigration {

  /** Rows updated per JDBC batch. */
  private static final int BATCH = 1_000;

  private KindMigration() {}

  /** One entry's classification, to be written. */
  private record Classified(String book, JournalEntry entry) {}

  static void run(Connection connection) throws SQLException {
    try (MigrationStatements sql = new MigrationStatements(connection)) {
      List<String> books = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
              "SELECT DISTINCT book_id FROM journal_entry WHERE entry_kind IS NULL ORDER BY book_id");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          books.add(rows.getString(1));
        }
      }
      for (String book : books) {
        classify(connection, sql, book);
      }
    }
  }

  private static void classify(Connection connection, Statements sql, String book) throws SQLException {
    List<Classified> classified = new ArrayList<>();
    Map<EntryId, JournalEntry> bySubject = new HashMap<>();
    Rows.forEachInSequence(sql, BookId.of(book), entry -> {
      JournalEntry withKind = LegacyKinds.classify(entry,
          entry.reverses().map(bySubject::get));
      if (withKind.member().isPresent() || withKind.loan().isPresent()) {
        bySubject.put(withKind.id(), withKind);
      }
      classified.add(new Classified(book, withKind));
    });
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE journal_entry SET entry_kind = ?, member_id = ?, loan_id = ? WHERE book_id = ? AND entry_id = ?")) {
      int pending = 0;
      for (Classified entry : classified) {
        update.setString(1, entry.entry().kind().name());
        update.setString(2, entry.entry().member().orElse(null));
        update.setString(3, entry.entry().loan().orElse(null));
        update.setString(4, entry.book());
        update.setString(5, entry.entry().id().value());
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }

  /** Whether a stored kind is still the one {@link LegacyKinds} finds, for verify. */
  static Optional<String> disagreement(JournalEntry stored, Optional<JournalEntry> reversed) {
    JournalEntry expected = LegacyKinds.classify(stored, reversed);
    if (expected.kind() == stored.kind() && expected.member().equals(stored.member())
        && expected.loan().equals(stored.loan())) {
      return Optional.empty();
    }
    return Optional.of("its kind " + describe(stored) + " is not what the engine of its time recorded ("
        + describe(expected) + "), and its hash does not cover it");
  }

  private static String describe(JournalEntry entry) {
    return entry.kind() + entry.member().map(m -> ", member " + m).orElse("")
        + entry.loan().map(l -> ", loan " + l).orElse("");
  }
}
