package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;

/**
 * What the durable store adds to the journal contract, on each database: the books survive a
 * restart, verify names the first entry changed behind the library's back, concurrent writers
 * take turns without losing an entry, a busy database gives up cleanly, and a newer schema is
 * refused.
 */
abstract class StoreTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final AccountCode FEES = AccountCode.of("4300");
  static final LocalDate APRIL_5 = LocalDate.of(2025, 4, 5);

  OpenedJournals journals;
  String url;

  /** The kind of database under test. */
  abstract OpenedJournals.Kind kind();

  /**
   * Takes, on a raw connection, the lock a writer to the book would need, and keeps it until the
   * connection rolls back.
   */
  abstract void holdTheWriteLock(Connection raw) throws SQLException;

  /** Lets the raw connection write rows that break the schema's foreign keys. */
  abstract void allowOrphans(Statement raw) throws SQLException;

  /** A hash as an SQL value of the journal's storage: its 32 bytes (docs/store.md). */
  String storedHash(String hex) {
    return kind() == OpenedJournals.Kind.SQLITE ? "X'" + hex + "'" : "decode('" + hex + "', 'hex')";
  }

  @BeforeEach
  void newDatabase() {
    journals = new OpenedJournals(kind());
    url = journals.newDatabaseUrl();
  }

  @AfterEach
  void removeIt() {
    journals.close();
  }

  /** Opens the test's database again, as another process would. */
  LedgerStore openStore() {
    return journals.track(LedgerStore.open(url));
  }

  /** The journal of a new {@link #openStore()}. */
  JdbcJournal open() {
    return openStore().journal();
  }

  Connection raw() throws SQLException {
    return DriverManager.getConnection(url);
  }

  static Money rupees(long amount) {
    return Money.of(INR, amount);
  }

  static JdbcJournal withBooks(JdbcJournal journal) {
    journal.createBook(new Book(SHG, "Roshni Mahila Samooh", INR));
    journal.openAccount(Account.of(SHG, CASH, "Cash in hand", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings = journal.openAccount(
        Account.of(SHG, SAVINGS, "Members' compulsory savings", AccountType.LIABILITY, INR));
    for (String member : List.of("M01", "M02")) {
      journal.openAccount(savings.subLedger(member, "Savings of " + member));
    }
    journal.openAccount(Account.of(SHG, FEES, "Membership fees", AccountType.INCOME, INR));
    return journal;
  }

  static JournalEntry saving(String id, String member, long amount) {
    return JournalEntry.of(EntryId.of(id), SHG, APRIL_5, "saving of " + member,
        List.of(Posting.debit(CASH, rupees(amount)), Posting.credit(SAVINGS.sub(member), rupees(amount))));
  }

  static JournalEntry withdrawal(String id, String member, long amount) {
    return JournalEntry.of(EntryId.of(id), SHG, APRIL_5, "withdrawal of " + member,
        List.of(Posting.debit(SAVINGS.sub(member), rupees(amount)), Posting.credit(CASH, rupees(amount))));
  }

  /** Records three entries and returns the journal. */
  JdbcJournal withThreeEntries() {
    JdbcJournal journal = withBooks(open());
    journal.recordAll(List.of(saving("S1", "M01", 100), saving("S2", "M02", 150), saving("S3", "M01", 50)));
    return journal;
  }

  void tamper(String... statements) throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      allowOrphans(statement);
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  // ---- restarts ----

  @Test
  void everythingSurvivesARestartAndARepeatRecordsNothing() {
    LedgerStore firstStore = openStore();
    JdbcJournal first = withBooks(firstStore.journal());
    first.record(saving("S1", "M01", 100));
    first.record(saving("S2", "M02", 150).withSourceReference("register p. 4"));
    first.reverse(SHG, EntryId.of("S2"), EntryId.of("R2"), APRIL_5.plusDays(1), "wrong member");
    first.closeAccount(SHG, FEES);
    first.lock(SHG, APRIL_5);
    List<JournalEntry> entries = first.entries(SHG);
    Verification before = first.verify(SHG);
    var trialBalance = first.trialBalance(SHG, LocalDate.MAX);
    var accounts = first.accounts(SHG);
    firstStore.close();

    JdbcJournal second = open();
    assertEquals(List.of(new Book(SHG, "Roshni Mahila Samooh", INR)), second.books());
    assertEquals(entries, second.entries(SHG));
    assertEquals(accounts, second.accounts(SHG));
    assertFalse(second.isOpen(SHG, FEES));
    assertEquals(Optional.of(APRIL_5), second.lockDate(SHG));
    assertEquals(trialBalance, second.trialBalance(SHG, LocalDate.MAX));
    assertEquals(Optional.of(entries.get(2)), second.reversalOf(SHG, EntryId.of("S2")));
    assertEquals(before, second.verify(SHG));

    assertEquals(saving("S1", "M01", 100), second.record(saving("S1", "M01", 100)), "a repeat after a restart");
    assertEquals(entries, second.recordAll(List.of(entries.get(0), entries.get(1), entries.get(2))));
    assertEquals(3, second.entries(SHG).size(), "nothing recorded twice");
    JournalException changed = assertThrows(JournalException.class, () -> second.record(saving("S1", "M01", 101)));
    assertEquals(Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT, changed.reason());
    JournalException reversedTwice = assertThrows(JournalException.class,
        () -> second.reverse(SHG, EntryId.of("S2"), EntryId.of("R2b"), APRIL_5.plusDays(2), "again"));
    assertEquals(Rejection.ALREADY_REVERSED, reversedTwice.reason());
  }

  @Test
  void aNewerSchemaIsRefusedWithAClearMessage() throws SQLException {
    openStore().close();
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version (version, description, applied_at)"
          + " VALUES (99, 'from the future', '2099-01-01T00:00:00Z')");
    }
    StoreException e = assertThrows(StoreException.class, () -> LedgerStore.open(url));
    assertEquals(StoreException.Kind.SCHEMA_TOO_NEW, e.kind());
    assertTrue(e.getMessage().contains("was written by a newer version of shg-ledger (schema version 99;"
        + " this version knows up to " + Migrator.latestVersion() + ")"), e.getMessage());
  }

  @Test
  void reopeningMigratesNothingTwice() throws SQLException {
    openStore().close();
    openStore().close();
    try (Connection connection = raw(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
      rows.next();
      assertEquals(Migrator.latestVersion(), rows.getInt(1));
      assertEquals(Migrator.latestVersion(), rows.getInt(2));
    }
  }

  @Test
  void aVersion1DatabaseGainsTheRegistryAndKeepsItsBooks() throws SQLException {
    LedgerStore first = openStore();
    withBooks(first.journal()).record(saving("S1", "M01", 100));
    Verification before = first.journal().verify(SHG);
    first.close();
    // back to what version 1 wrote: the journal's tables only
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      for (String table : List.of("statement_month", "sync_refusal", "sync_operation", "sync_remote", "account_month_balance", "server_form_submission", "server_sign_in_failure", "server_session",
          "server_audit", "server_token", "server_user", "programme_outreach_group",
          "programme_outreach", "programme_livelihood_reading", "programme_livelihood", "programme_incident_referral",
          "programme_incident_event", "programme_incident", "programme_incident_purge", "bank_loan", "registry_event",
          "programme_child_status", "programme_child", "programme_training_attendee",
          "programme_training", "programme_loan_purpose", "pseudonym_secret",
          "unit_group", "unit_version", "meeting_attendance", "meeting", "loan_event",
          "member_loan", "bearer_term", "group_member", "savings_group")) {
        statement.execute("DROP TABLE " + table);
      }
      statement.execute("DELETE FROM schema_version WHERE version >= 2");
    }
    String v1Head = toVersion1Entries();

    LedgerStore upgraded = openStore();
    Verification after = upgraded.journal().verify(SHG);
    assertTrue(after.isOk(), after::toString);
    assertEquals(before.entriesChecked(), after.entriesChecked());
    assertEquals(v1Head, after.headHash());
    Member member = Member.joining(MemberId.of("M01"), "Asha", MemberCategory.ADULT_WOMAN, APRIL_5);
    upgraded.registry().putMember(SHG, member);
    assertEquals(List.of(member), upgraded.registry().members(SHG));
  }

  /**
   * Takes the journal's tables back to what versions 1 to 4 wrote: no kind columns, and the one
   * saving entry S1 hashed by the version 1 recipe. Returns its hash.
   */
  private String toVersion1Entries() throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      String memo;
      String recordedAt;
      try (var row = statement.executeQuery(
          "SELECT memo, recorded_at FROM journal_entry WHERE book_id = 'SHG01' AND entry_seq = 1")) {
        row.next();
        memo = row.getString(1);
        recordedAt = row.getString(2);
      }
      for (String column : List.of("entry_kind", "member_id", "loan_id", "hash_version")) {
        statement.execute("ALTER TABLE journal_entry DROP COLUMN " + column);
      }
      String hash = EntryHashes.hash(new EntryHashes.StoredEntry(EntryHashes.GENESIS, "SHG01", 1, "S1",
          APRIL_5.toString(), memo, Optional.empty(), Optional.empty(), recordedAt,
          List.of(new EntryHashes.StoredPosting("1000", 'D', 10_000, "INR"),
              new EntryHashes.StoredPosting("2000:M01", 'C', 10_000, "INR")),
          1, "GENERAL", Optional.empty(), Optional.empty()));
      statement.execute("UPDATE journal_entry SET entry_hash = " + storedHash(hash) + " WHERE book_id = 'SHG01' AND entry_seq = 1");
      return hash;
    }
  }

  // ---- verify ----

  @Test
  void anUntouchedBookVerifies() {
    JdbcJournal journal = withThreeEntries();
    journal.createBook(new Book(BookId.of("SHG02"), "Empty", INR));

    Verification result = journal.verify(SHG);
    assertTrue(result.isOk(), result::toString);
    assertEquals(3, result.entriesChecked());
    assertTrue(result.headHash().matches("[0-9a-f]{64}"), result.headHash());
    List<Verification> all = journal.verifyAll();
    assertEquals(List.of(SHG, BookId.of("SHG02")), all.stream().map(Verification::book).toList());
    assertEquals(result, all.get(0));
    Verification empty = all.get(1);
    assertTrue(empty.isOk(), empty::toString);
    assertEquals(0, empty.entriesChecked());
    assertEquals(EntryHashes.GENESIS, empty.headHash());
    // its registry holds the book's own row
    assertEquals(1, empty.registryEventsChecked());
  }

  @Test
  void aChangedAmountIsNamed() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("UPDATE posting SET amount_minor = amount_minor + 100 WHERE book_id = 'SHG01'"
        + " AND entry_seq = 2 AND line_no = 1");

    assertMismatch(journal.verify(SHG), Verification.Kind.CONTENT, 2, "S2");
  }

  @Test
  void aChangedMemoIsNamed() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("UPDATE journal_entry SET memo = 'nothing to see' WHERE book_id = 'SHG01' AND entry_id = 'S3'");

    assertMismatch(journal.verify(SHG), Verification.Kind.CONTENT, 3, "S3");
  }

  @Test
  void aChangeWithItsHashRecomputedBreaksTheChainAtTheNextEntry() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    String forged = EntryHashes.hash(new EntryHashes.StoredEntry(
        journal.verify(SHG).headHash(), "SHG01", 4, "X", "2025-04-05", "", Optional.empty(),
        Optional.empty(), "", List.of(), 2, "GENERAL", Optional.empty(), Optional.empty()));
    tamper("UPDATE journal_entry SET entry_hash = " + storedHash(forged) + " WHERE book_id = 'SHG01' AND entry_seq = 1");

    Verification result = journal.verify(SHG);
    // entry 1's own content no longer matches its (forged) hash: named first
    assertMismatch(result, Verification.Kind.CONTENT, 1, "S1");
  }

  @Test
  void aDeletedEntryIsNamedByTheOneAfterIt() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("DELETE FROM posting WHERE book_id = 'SHG01' AND entry_seq = 2",
        "DELETE FROM journal_entry WHERE book_id = 'SHG01' AND entry_seq = 2");

    Verification result = journal.verify(SHG);
    assertMismatch(result, Verification.Kind.CHAIN, 3, "S3");
    assertTrue(result.mismatch().orElseThrow().detail().contains("entries 2 to 2 of the book are missing"),
        result::toString);
  }

  @Test
  void aPostingAddedToAnEntryIsNamed() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("INSERT INTO posting (book_id, entry_seq, line_no, account_code, side, amount_minor,"
        + " currency, entry_date_epoch_day) VALUES ('SHG01', 1, 3, '1000', 'D', 500, 'INR', "
        + APRIL_5.toEpochDay() + ")");

    assertMismatch(journal.verify(SHG), Verification.Kind.CONTENT, 1, "S1");
  }

  @Test
  void postingsOfNoEntryAreFoundByTheBalances() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("INSERT INTO posting (book_id, entry_seq, line_no, account_code, side, amount_minor,"
        + " currency, entry_date_epoch_day) VALUES ('SHG01', 9, 1, '1000', 'D', 500, 'INR', "
        + APRIL_5.toEpochDay() + ")");

    Verification result = journal.verify(SHG);
    assertEquals(Verification.Kind.BALANCE, result.mismatch().orElseThrow().kind(), result::toString);
    assertEquals(9, result.mismatch().orElseThrow().sequence());
    assertEquals(3, result.entriesChecked());
  }

  @Test
  void aPostingMovedToAnotherDateIsNamed() throws SQLException {
    JdbcJournal journal = withThreeEntries();
    tamper("UPDATE posting SET entry_date_epoch_day = entry_date_epoch_day - 30 WHERE"
        + " book_id = 'SHG01' AND entry_seq = 2 AND line_no = 2");

    assertMismatch(journal.verify(SHG), Verification.Kind.CONTENT, 2, "S2");
  }

  /** A chain mismatch in these tests is always one deleted entry before the one named. */
  static void assertMismatch(Verification result, Verification.Kind kind, long sequence, String entry) {
    assertFalse(result.isOk(), "a changed book must not verify");
    Verification.Mismatch mismatch = result.mismatch().orElseThrow();
    assertEquals(kind, mismatch.kind(), mismatch::detail);
    assertEquals(sequence, mismatch.sequence(), mismatch::detail);
    assertEquals(Optional.of(EntryId.of(entry)), mismatch.entry(), mismatch::detail);
    long present = kind == Verification.Kind.CHAIN ? sequence - 2 : sequence - 1;
    assertEquals(present, result.entriesChecked(), "entries checked before the mismatch");
  }

  // ---- concurrency ----

  @Test
  void concurrentWritersToOneBookTakeTurnsAndLoseNothing() throws Exception {
    withBooks(open());
    int writers = 3;
    int entriesEach = 40;
    concurrently(writers, (writer, journal) -> {
      String member = writer % 2 == 0 ? "M01" : "M02";
      for (int i = 0; i < entriesEach; i++) {
        if (i % 4 == 0) {
          journal.recordAll(List.of(saving("W" + writer + "-" + i, member, 10),
              saving("W" + writer + "-" + i + "b", member, 10)));
        } else {
          journal.record(saving("W" + writer + "-" + i, member, 10));
        }
      }
    });
    JdbcJournal journal = open();
    int expected = writers * (entriesEach + entriesEach / 4);
    assertEquals(expected, journal.entries(SHG).size());
    assertEquals(rupees(10L * expected), journal.balance(SHG, CASH, APRIL_5).normalBalance());
    Verification result = journal.verify(SHG);
    assertTrue(result.isOk(), result::toString);
  }

  @Test
  void concurrentWithdrawalsNeverTakeCashBelowZero() throws Exception {
    withBooks(open()).record(saving("S1", "M01", 150));
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    concurrently(2, (writer, journal) -> {
      for (int i = 0; i < 12; i++) {
        try {
          journal.record(withdrawal("W" + writer + "-" + i, "M01", 10));
          accepted.incrementAndGet();
        } catch (JournalException e) {
          assertEquals(Rejection.BALANCE_CONSTRAINT_VIOLATED, e.reason(), e.getMessage());
          refused.incrementAndGet();
        }
      }
    });
    assertEquals(15, accepted.get(), "exactly the cash there was");
    assertEquals(9, refused.get());
    assertEquals(rupees(0), open().balance(SHG, CASH, APRIL_5).normalBalance());
  }

  /** What one of several writers does, each with its own journal (its own connection). */
  @FunctionalInterface
  interface Writer {
    void write(int writer, JdbcJournal journal);
  }

  /** Runs writers in parallel threads, each on its own connection, and waits for all. */
  void concurrently(int writers, Writer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        JdbcJournal journal = open();
        int writer = w;
        done.add(pool.submit(() -> {
          work.write(writer, journal);
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aWriterThatWaitsTooLongGivesUpAndRecordsNothing() throws SQLException {
    LedgerStore setUp = openStore();
    withBooks(setUp.journal());
    setUp.close();
    JdbcJournal journal = journals.track(LedgerStore.open(url, Duration.ofMillis(300))).journal();
    try (Connection other = raw()) {
      holdTheWriteLock(other);
      StoreException e = assertThrows(StoreException.class, () -> journal.record(saving("S1", "M01", 100)));
      assertEquals(StoreException.Kind.BUSY, e.kind());
      assertTrue(e.getMessage().contains("is busy: another process or connection has been writing to it"
          + " for more than 300 ms; nothing was recorded, try again"), e.getMessage());
      other.rollback();
    }
    assertEquals(List.of(), journal.entries(SHG));
    journal.record(saving("S1", "M01", 100));
    assertEquals(1, journal.entries(SHG).size());
  }

  /**
   * A reader opens and reads the books while another process writes (a long import holds the
   * write lock): opening checks the schema without taking the write lock when it is current, and
   * the read is a snapshot (issue 13, item 7).
   */
  @Test
  void aReaderOpensAndReadsWhileAnotherProcessWrites() throws SQLException {
    JdbcJournal setUp = withBooks(open());
    setUp.record(saving("S1", "M01", 100));
    try (Connection other = raw()) {
      holdTheWriteLock(other);

      LedgerStore reader = journals.track(LedgerStore.open(url, Duration.ofMillis(300)));
      assertEquals(rupees(100), reader.journal().balance(SHG, CASH, LocalDate.MAX).net());
      assertEquals(1, reader.journal().entries(SHG).size());
      other.rollback();
    }
  }

  // ---- text the databases cannot hold ----

  @Test
  void aMemoWithANulIsRefusedAndLeavesNoTrace() {
    JdbcJournal journal = withBooks(open());
    JournalEntry nul = JournalEntry.of(EntryId.of("N"), SHG, APRIL_5, "a\0b",
        List.of(Posting.debit(CASH, rupees(1)), Posting.credit(SAVINGS.sub("M01"), rupees(1))));

    StoreException e = assertThrows(StoreException.class,
        () -> journal.recordAll(List.of(saving("S1", "M01", 5), nul)));
    assertEquals(StoreException.Kind.UNSTORABLE_TEXT, e.kind());
    assertEquals(List.of(), journal.entries(SHG));
    assertEquals("नमस्ते 🙏", journal.record(JournalEntry.of(EntryId.of("U"), SHG, APRIL_5, "नमस्ते 🙏",
        List.of(Posting.debit(CASH, rupees(1)), Posting.credit(SAVINGS.sub("M01"), rupees(1))))).memo());
    assertEquals("नमस्ते 🙏", journal.entries(SHG).get(0).memo());
  }
}
