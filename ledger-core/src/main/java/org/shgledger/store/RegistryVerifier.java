package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.shgledger.journal.BookId;
import org.shgledger.store.RegistryChain.Row;
import org.shgledger.store.RegistryChain.Table;
import org.shgledger.store.Verification.Kind;
import org.shgledger.store.Verification.Mismatch;

/**
 * Checks one book's registry chain ({@link RegistryChain}): every event follows the one before it
 * and matches the hash of the row it recorded, as that row is stored now; and every row of the
 * chained tables was recorded by an event. Reads the rows raw, as the chain hashed them.
 */
final class RegistryVerifier {

  /** What was found: how many events verified, the last one's hash, the first mismatch. */
  record Result(long eventsChecked, String headHash, Optional<Mismatch> mismatch) {}

  private final Statements sql;
  private final BookId book;

  RegistryVerifier(Statements sql, BookId book) {
    this.sql = sql;
    this.book = book;
  }

  Result run() throws SQLException {
    Map<Table, Map<String, Row>> stored = new HashMap<>();
    for (Table table : Table.values()) {
      Map<String, Row> rows = new java.util.LinkedHashMap<>();
      for (Row row : RegistryChain.storedRows(sql, book.value(), table)) {
        rows.put(row.key(), row);
      }
      stored.put(table, rows);
    }
    PreparedStatement events = sql.prepare(
        "SELECT event_seq, table_name, row_key, recorded_at, previous_hash, event_hash FROM registry_event"
            + " WHERE book_id = ? ORDER BY event_seq");
    events.setString(1, book.value());
    events.setFetchSize(1_000);
    String head = RegistryChain.GENESIS;
    long checked = 0;
    try (ResultSet event = events.executeQuery()) {
      while (event.next()) {
        long sequence = event.getLong(1);
        String tableName = event.getString(2);
        String key = event.getString(3);
        String what = tableName + " (" + key + ")";
        if (sequence != checked + 1) {
          return failed(checked, head, sequence, "registry events " + (checked + 1) + " to " + (sequence - 1)
              + " are missing before event " + sequence + " (" + what + ")");
        }
        if (!head.equals(event.getString(5))) {
          return failed(checked, head, sequence, "registry event " + sequence + " (" + what + "): its stored"
              + " previous hash is not the hash of the event before it");
        }
        Table table = Table.named(tableName);
        Row row = table == null ? null : stored.get(table).remove(key);
        if (row == null) {
          return failed(checked, head, sequence, "the row " + what + " that registry event " + sequence
              + " recorded is not in the book: it was removed, or its key changed, behind the library's back");
        }
        String hash = RegistryChain.hash(head, book.value(), sequence, row, event.getString(4));
        if (!hash.equals(event.getString(6))) {
          return failed(checked, head, sequence, "the row " + row.describe() + " is not what registry event "
              + sequence + " recorded: it was changed behind the library's back");
        }
        head = hash;
        checked++;
      }
    }
    for (Table table : Table.values()) {
      for (Row row : stored.get(table).values()) {
        return failed(checked, head, 0, "the row " + row.describe() + " was recorded by no registry event:"
            + " it was added behind the library's back");
      }
    }
    return new Result(checked, head, Optional.empty());
  }

  private static Result failed(long checked, String head, long sequence, String detail) {
    return new Result(checked, head, Optional.of(new Mismatch(Kind.REGISTRY, sequence, Optional.empty(), detail)));
  }
}
