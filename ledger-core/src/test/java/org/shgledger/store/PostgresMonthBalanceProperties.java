package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.testing.TestPostgres;

/**
 * The month-end balance properties on PostgreSQL, a new schema per chain; fewer tries, since
 * every step is many round trips to the server. Skipped where no server answers, failed instead
 * under {@code SHG_REQUIRE_POSTGRES=1}.
 */
@PropertyDefaults(tries = 4)
@AddLifecycleHook(TestPostgres.Skip.class)
class PostgresMonthBalanceProperties extends MonthBalanceProperties {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @Override
  protected String newDatabaseUrl() {
    return STORES.newDatabaseUrl();
  }

  @Override
  protected LedgerStore open(String url) {
    return STORES.track(LedgerStore.open(url));
  }

  /**
   * Two writers, each with its own store (its own connection, as two servers over one database
   * have), record at once into the same two books, the same accounts and the same few months:
   * single entries, batches and imports that fail midway. Afterwards the stored month rows are
   * exactly the fold of both writers' accepted entries, and of the stored postings, and both books
   * verify: no writer's amounts were lost or counted twice. (Writers to one book take turns on the
   * book's row lock, so the additive upsert is the second guard, should two ever touch a row at once.)
   */
  @Property(tries = 3)
  void twoConcurrentWritersLoseNoMonthBalance(@ForAll long seed) throws Exception {
    String url = newDatabaseUrl();
    List<BookId> books = List.of(BookId.of("SHG01"), BookId.of("SHG02"));
    try (LedgerStore setup = LedgerStore.open(url)) {
      for (BookId book : books) {
        setup.journal().createBook(new Book(book, "Group " + book, INR));
        setup.journal().openAccount(Account.of(book, CASH, "Cash", AccountType.ASSET, INR));
        setup.journal().openAccount(Account.of(book, INTEREST, "Interest", AccountType.INCOME, INR));
        setup.journal().openAccount(Account.of(book, SAVINGS, "Savings", AccountType.LIABILITY, INR));
        for (String member : MEMBERS) {
          setup.journal().openAccount(Account.of(book, SAVINGS, "Savings", AccountType.LIABILITY, INR)
              .subLedger(member, "Savings of " + member));
        }
      }
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<JournalEntry>>> results = new ArrayList<>();
      for (String writer : List.of("A", "B")) {
        Random random = new Random(seed + writer.hashCode());
        results.add(writers.submit(() -> write(url, writer, books, random, start)));
      }
      List<JournalEntry> accepted = new ArrayList<>();
      for (Future<List<JournalEntry>> result : results) {
        accepted.addAll(result.get());
      }
      assertTrue(accepted.size() >= 40, () -> accepted.size() + " entries accepted");
      Map<MonthBalances.Key, List<Long>> expected = new TreeMap<>();
      Map<MonthBalances.Key, long[]> fold = new HashMap<>();
      for (JournalEntry entry : accepted) {
        for (Posting posting : entry.postings()) {
          MonthBalances.add(fold, new MonthBalances.Key(entry.book().value(), posting.account().value(),
              MonthBalances.month(entry.date())), posting.side() == Side.DEBIT, posting.amount().getAmountMinorLong());
        }
      }
      fold.forEach((key, sums) -> expected.put(key, List.of(sums[0], sums[1])));
      assertEquals(expected, rows(url, "SELECT book_id, account_code, month_yyyymm, debit_minor, credit_minor"
          + " FROM account_month_balance"), "the month rows are the fold of both writers' entries");
      try (LedgerStore check = LedgerStore.open(url)) {
        for (BookId book : books) {
          Verification verification = check.journal().verify(book);
          assertTrue(verification.isOk(), verification::toString);
          assertEquals(accepted.stream().filter(e -> e.book().equals(book)).count(), verification.entriesChecked());
        }
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private static List<JournalEntry> write(String url, String writer, List<BookId> books, Random random,
      CyclicBarrier start) throws Exception {
    List<JournalEntry> accepted = new ArrayList<>();
    try (LedgerStore store = LedgerStore.open(url)) {
      start.await();
      int next = 0;
      for (int step = 0; step < 30; step++) {
        BookId book = books.get(random.nextInt(books.size()));
        List<JournalEntry> entries = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
          Money amount = Money.ofMinor(INR, 100 + random.nextInt(100_000));
          Money interest = Money.ofMinor(INR, 1 + random.nextInt(5_000));
          // two months only, so that the writers' rows meet
          java.time.LocalDate day = java.time.LocalDate.of(2025, 4 + random.nextInt(2), 1 + random.nextInt(28));
          entries.add(JournalEntry.of(EntryId.of(writer + (++next)), book, day, "saving and interest", List.of(
                  Posting.debit(CASH, amount.plus(interest)), Posting.credit(SAVINGS.sub(member), amount),
                  Posting.credit(INTEREST, interest)))
              .withKind(EntryKind.SAVING, Optional.of(member), Optional.empty()));
        }
        int action = random.nextInt(3);
        if (action == 0) {
          for (JournalEntry entry : entries) {
            store.journal().record(entry);
          }
          accepted.addAll(entries);
        } else if (action == 1) {
          store.journal().recordAll(entries);
          accepted.addAll(entries);
        } else {
          try {
            store.unitOfWork().atomically(book, () -> {
              entries.forEach(store.journal()::record);
              throw new IllegalStateException("the import fails after " + entries.size() + " rows");
            });
          } catch (IllegalStateException expected) {
            // nothing of it is kept
          }
        }
      }
    }
    return accepted;
  }

  private static Map<MonthBalances.Key, List<Long>> rows(String url, String sql) throws SQLException {
    Map<MonthBalances.Key, List<Long>> rows = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        rows.put(new MonthBalances.Key(row.getString(1), row.getString(2), row.getLong(3)),
            List.of(row.getLong(4), row.getLong(5)));
      }
    }
    return rows;
  }

  @AfterContainer
  static void closeTheStores() {
    STORES.close();
  }
}
