package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Book;
import org.shgledger.programme.IncidentPurge;
import org.shgledger.programme.IncidentRegister;
import org.shgledger.programme.IncidentRegisterContractTest;

/**
 * The incident register's contract in a database, and what only a stored register does: the
 * schema has no column that could hold a person or a story; a purge leaves no incident row, and
 * its record is in the registry chain, so that deleting it is found by verify.
 */
abstract class JdbcIncidentRegisterTest extends IncidentRegisterContractTest {

  /** Every column of the register's tables: nothing else, and nothing naming a person. */
  private static final Map<String, Set<String>> COLUMNS = Map.of(
      "programme_incident", Set.of("book_id", "incident_id", "incident_epoch_day", "incident_type", "age_band",
          "recorded_at"),
      "programme_incident_event", Set.of("book_id", "incident_id", "event_seq", "status", "event_epoch_day",
          "recorded_at"),
      "programme_incident_referral", Set.of("book_id", "incident_id", "event_seq", "service"),
      "programme_incident_purge", Set.of("book_id", "purge_seq", "purge_epoch_day", "incidents_deleted",
          "events_deleted", "referrals_deleted", "recorded_at"));

  private static final List<String> PERSONAL = List.of("name", "member", "narrative", "note", "address", "story",
      "description", "text", "phone", "village", "place", "comment", "detail");

  abstract OpenedJournals stores();

  @Override
  protected IncidentRegister newRegister(List<Book> books) {
    LedgerStore store = stores().newStore();
    books.forEach(store.journal()::createBook);
    return store.programme().incidents();
  }

  @Test
  void theTablesHaveNoColumnForAPersonOrAStory() throws SQLException {
    String url = stores().newDatabaseUrl();
    LedgerStore.open(url).close();
    try (Connection raw = DriverManager.getConnection(url)) {
      for (Map.Entry<String, Set<String>> table : COLUMNS.entrySet()) {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = raw.getMetaData().getColumns(null, null, table.getKey(), null)) {
          while (rows.next()) {
            columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
        assertEquals(new TreeSet<>(table.getValue()), columns, table.getKey());
        for (String column : columns) {
          assertTrue(PERSONAL.stream().noneMatch(column::contains), table.getKey() + "." + column);
        }
      }
    }
  }

  @Test
  void aPurgeLeavesNoIncidentRowAndItsRecordIsInTheRegistryChain() throws SQLException {
    String url = stores().newDatabaseUrl();
    try (LedgerStore store = LedgerStore.open(url)) {
      store.journal().createBook(new Book(SHG01, "One", org.joda.money.CurrencyUnit.of("INR")));
      store.programme().incidents().addIncident(SHG01, incident("1"));
      store.programme().incidents().addIncident(SHG01, incident("2"));
      IncidentPurge purge = store.programme().incidents().purge(SHG01, LocalDate.of(2026, 1, 1));
      assertEquals(new IncidentPurge(SHG01, LocalDate.of(2026, 1, 1), 2, 2), purge);
      Verification verification = store.journal().verify(SHG01);
      assertTrue(verification.isOk(), verification::toString);
    }
    try (Connection raw = DriverManager.getConnection(url); Statement statement = raw.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM programme_incident)"
          + " + (SELECT COUNT(*) FROM programme_incident_event) + (SELECT COUNT(*) FROM programme_incident_referral)")) {
        rows.next();
        assertEquals(0, rows.getInt(1));
      }
      try (ResultSet rows = statement.executeQuery("SELECT incidents_deleted, events_deleted, referrals_deleted"
          + " FROM programme_incident_purge")) {
        assertTrue(rows.next());
        assertEquals(List.of(2L, 2L, 4L), List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3)));
      }
      // hiding the purge behind the library's back breaks the chain
      statement.execute("DELETE FROM programme_incident_purge");
    }
    try (LedgerStore store = LedgerStore.open(url)) {
      Verification verification = store.journal().verify(SHG01);
      assertFalse(verification.isOk());
      assertEquals(Verification.Kind.REGISTRY, verification.mismatch().orElseThrow().kind());
    }
  }
}
