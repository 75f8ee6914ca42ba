package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shgledger.group.GroupRegistry;
import org.shgledger.group.GroupRegistryContractTest;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;

/**
 * The registry contract against a SQLite file, and what only a stored registry does: refusals
 * that leave no trace, versions kept as history, a schema that refuses an unmasked account number.
 */
class SqliteGroupRegistryTest extends GroupRegistryContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);
  private static final LocalDate JOINED = LocalDate.of(2024, 4, 1);

  private LedgerStore store;

  @Override
  protected GroupRegistry newRegistry(List<Book> books) {
    store = STORES.newStore();
    books.forEach(store.journal()::createBook);
    return store.registry();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  private long rows(String sql) throws SQLException {
    String file = store.location().substring("SQLite database ".length());
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void aWriteForABookThatDoesNotExistIsRefusedAndLeavesNoTrace() throws SQLException {
    BookId nowhere = BookId.of("NOWHERE");
    Member member = Member.joining(MemberId.of("M01"), "Asha", MemberCategory.ADULT_WOMAN, JOINED);

    JournalException e = assertThrows(JournalException.class, () -> registry.putMember(nowhere, member));
    assertEquals(Rejection.BOOK_NOT_FOUND, e.reason());
    assertThrows(JournalException.class, () -> registry.addLoanEvent(nowhere, LoanId.of("L1"),
        new LoanEvent(LoanEvent.Kind.PENALTY, EntryId.of("F1"), JOINED, rupees("10"))));
    assertEquals(List.of(), registry.members(nowhere));
    assertEquals(0, rows("SELECT COUNT(*) FROM group_member") + rows("SELECT COUNT(*) FROM loan_event"));
  }

  @Test
  void aNameWithANulIsRefusedBeforeAnythingIsWritten() throws SQLException {
    // a name is one line of visible text (PlainText): the member cannot even be made
    assertThrows(IllegalArgumentException.class,
        () -> Member.joining(MemberId.of("M01"), "As\0ha", MemberCategory.ADULT_WOMAN, JOINED));
    assertEquals(0, rows("SELECT COUNT(*) FROM group_member"));
  }

  @Test
  void aChangedMemberIsANewVersionAndAnEqualOneWritesNothing() throws SQLException {
    Member joined = Member.joining(MemberId.of("M01"), "Asha", MemberCategory.ADULT_WOMAN, JOINED);
    Member banked = joined.withBankAccount(MemberBankAccount.of("Canara Bank", "CNRB0000001", "111122223333", JOINED));
    registry.putMember(SHG, joined);
    registry.putMember(SHG, joined);
    registry.putMember(SHG, banked);
    registry.putMember(SHG, banked.leaving(JOINED.plusYears(1)));

    assertEquals(3, rows("SELECT COUNT(*) FROM group_member WHERE member_id = 'M01'"), "the history of her record");
    assertEquals(3, rows("SELECT MAX(version) FROM group_member WHERE member_id = 'M01'"));
    assertEquals(Optional.of(banked.leaving(JOINED.plusYears(1))), registry.member(SHG, MemberId.of("M01")));
  }

  @Test
  void theSchemaRefusesAnAccountNumberThatIsNotMasked() throws SQLException {
    String file = store.location().substring("SQLite database ".length());
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.execute(
          "INSERT INTO group_member (book_id, member_id, version, name, category, joined_epoch_day,"
              + " bank_name, bank_ifsc, bank_account_masked, bank_account_opened_epoch_day, recorded_at)"
              + " VALUES ('SHG01', 'M09', 1, 'x', 'ADULT_WOMAN', 0, 'Bank', 'CNRB0000001',"
              + " '111122223333', 0, 'now')"));
      assertEquals(true, e.getMessage().contains("CHECK"), e.getMessage());
    }
  }

  @Test
  void aClosedStoreRefusesTheRegistryToo() {
    store.close();

    assertThrows(IllegalStateException.class, () -> registry.members(SHG));
  }
}
