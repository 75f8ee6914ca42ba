package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Book;
import org.shgledger.programme.IncomeReading;
import org.shgledger.programme.LivelihoodOutreachContractTest;
import org.shgledger.programme.ProgrammeRegister;

/**
 * The livelihood and outreach registers' contract in a database, and what only a stored register
 * does: the tables hold counts, amounts and ids, nothing else; an activity and its readings are
 * in the book's registry chain, so that a reading changed behind the library's back is found.
 */
abstract class JdbcLivelihoodOutreachTest extends LivelihoodOutreachContractTest {

  /** Every column of the registers' tables: nothing else, and no name or free text. */
  private static final Map<String, Set<String>> COLUMNS = Map.of(
      "programme_livelihood", Set.of("book_id", "livelihood_id", "member_id", "activity", "started_epoch_day",
          "loan_id", "recorded_at"),
      "programme_livelihood_reading", Set.of("book_id", "livelihood_id", "reading_seq", "reading_epoch_day",
          "currency", "monthly_income_minor", "recorded_at"),
      "programme_outreach", Set.of("unit_code", "outreach_id", "outreach_epoch_day", "kind", "people_reached",
          "signatures", "recorded_at"),
      "programme_outreach_group", Set.of("unit_code", "outreach_id", "book_id"));

  private static final List<String> PERSONAL = List.of("name", "narrative", "note", "address", "story",
      "description", "text", "phone", "village", "place", "comment", "detail");

  abstract OpenedJournals stores();

  @Override
  protected ProgrammeRegister newRegister(List<Book> books) {
    LedgerStore store = stores().newStore();
    books.forEach(store.journal()::createBook);
    return store.programme();
  }

  @Test
  void theTablesHoldCountsAmountsAndIdsOnly() throws SQLException {
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
  void aReadingChangedBehindTheLibrarysBackBreaksTheRegistryChain() throws SQLException {
    String url = stores().newDatabaseUrl();
    try (LedgerStore store = LedgerStore.open(url)) {
      store.journal().createBook(new Book(SHG01, "One", CurrencyUnit.of("INR")));
      store.programme().livelihoods().addLivelihood(SHG01, tailoring("M01-A1"));
      store.programme().livelihoods().addReading(SHG01, tailoring("M01-A1").id(),
          new IncomeReading(java.time.LocalDate.of(2025, 10, 1), org.joda.money.Money.of(CurrencyUnit.of("INR"), 900)));
      Verification verification = store.journal().verify(SHG01);
      assertTrue(verification.isOk(), verification::toString);
    }
    try (Connection raw = DriverManager.getConnection(url); Statement statement = raw.createStatement()) {
      statement.execute("UPDATE programme_livelihood_reading SET monthly_income_minor = 9000000 WHERE reading_seq = 2");
    }
    try (LedgerStore store = LedgerStore.open(url)) {
      Verification verification = store.journal().verify(SHG01);
      assertFalse(verification.isOk());
      assertEquals(Verification.Kind.REGISTRY, verification.mismatch().orElseThrow().kind());
      assertTrue(verification.toString().contains("programme_livelihood_reading (livelihood_id=M01-A1, reading_seq=2)"),
          verification::toString);
    }
  }
}
