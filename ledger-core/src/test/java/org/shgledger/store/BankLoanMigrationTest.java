package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.BankLoan;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * Schema version 10 (bank loans' terms) on a book written by version 9: it opens, verify passes,
 * and a bank loan received afterwards keeps its terms under the registry chain.
 */
class BankLoanMigrationTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);

  private final OpenedJournals journals = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @AfterEach
  void close() {
    journals.close();
  }

  static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  @Test
  void aVersion9BookOpensVerifiesAndThenKeepsBankLoanTerms() throws SQLException {
    String url = journals.newDatabaseUrl();
    try (LedgerStore store = LedgerStore.open(url)) {
      store.engine().createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY,
          rupees("100"), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
          LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 10)));
      store.engine().record(SHG, EntryId.of("BL0"), FORMED.plusDays(3),
          new GroupOperation.ReceiveBankLoan(rupees("20000")));
    }
    // back to what version 9 wrote: no bank_loan table, nor the later versions' tables (the programme
    // registers of versions 11 and 12, version 13's server users)
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (String table : List.of("statement_month", "sync_refusal", "sync_operation", "sync_remote", "account_month_balance", "server_form_submission", "server_sign_in_failure", "server_session",
          "server_audit", "server_token", "server_user", "programme_outreach_group",
          "programme_outreach", "programme_livelihood_reading", "programme_livelihood", "programme_incident_referral",
          "programme_incident_event", "programme_incident", "programme_incident_purge", "bank_loan")) {
        statement.execute("DROP TABLE " + table);
      }
      statement.execute("DELETE FROM schema_version WHERE version >= 10");
    }

    try (LedgerStore store = LedgerStore.open(url)) {
      Verification migrated = store.journal().verify(SHG);
      assertTrue(migrated.isOk(), migrated::toString);
      assertEquals(List.of(), store.registry().bankLoans(SHG));

      BankLoan terms = new BankLoan(EntryId.of("BL1"), FORMED.plusDays(10), rupees("100000"),
          new BigDecimal("12"), 12, RepaymentMethod.EMI);
      store.engine().receiveBankLoan(SHG, terms);
      store.engine().receiveBankLoan(SHG, terms); // a repeat writes nothing
      assertEquals(List.of(terms), store.registry().bankLoans(SHG));
      Verification after = store.journal().verify(SHG);
      assertTrue(after.isOk(), after::toString);
    }
  }
}
