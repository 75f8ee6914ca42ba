package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.report.MeetingSheet;

/**
 * The meeting sheet's round trip (issue 17): its CSV, imported unchanged with {@code shg import
 * meetings}, records exactly the dues the sheet expects, savings and each loan's payment split into
 * the penalty, interest and principal it shows, postings compared; and a sheet for a day on which
 * no loan owes anything asks for savings only. Books are made by importing a random register of
 * past meetings (savings, loans of every method, part payments, penalties), so that the sheet
 * meets arrears, payments ahead and penalties as a real group's do.
 */
class MeetingSheetProperties {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId GROUP = BookId.of("SHEET");
  private static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  private static final LocalDate FIRST_MEETING = LocalDate.of(2024, 4, 10);

  /** Tries whose sheet asked for a loan payment, imported and matched: the property's real work. */
  private static int sheetsWithLoanDues;
  private static int loanPaymentsMatched;

  /** One member's part in the past meetings. */
  record Borrower(boolean borrows, int amountHundreds, String method, int instalments, int rateHalfPercent,
      List<Integer> paymentsTens, boolean penalty) {}

  /** The books' past: members, how many meetings before the sheet, and the sheet's day after the last. */
  record Past(List<Borrower> members, int meetings, int daysAfterLast) {}

  @BeforeProperty
  void resetCounts() {
    sheetsWithLoanDues = 0;
    loanPaymentsMatched = 0;
  }

  @AfterProperty
  void sawLoanDues() {
    System.out.printf("MeetingSheetProperties: %d sheets with loan dues, %d loan payments matched%n",
        sheetsWithLoanDues, loanPaymentsMatched);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void importingAnUnchangedSheetRecordsExactlyTheExpectedDues(@ForAll("pasts") Past past) {
    SavingsGroups groups = books(past);
    LocalDate date = sheetDate(past);
    MeetingSheet sheet = MeetingSheet.of(groups, GROUP, date);
    importRegister(groups, MeetingSheetCommand.register(sheet));

    boolean anyLoanDue = false;
    for (MeetingSheet.Line line : sheet.lines()) {
      JournalEntry save = entry(groups, date, line.member(), "SAVE").orElseThrow();
      assertEquals(line.savingsDue(), credited(save, Chart.COMPULSORY_SAVINGS), line.member() + "'s savings");
      Optional<MeetingSheet.LoanDue> due = line.loans().stream().filter(loan -> loan.payment().isPositive()).findFirst();
      Optional<JournalEntry> repay = entry(groups, date, line.member(), "REPAY");
      assertEquals(due.isPresent(), repay.isPresent(), line.member() + ": a repayment exactly when one is due");
      if (due.isPresent()) {
        anyLoanDue = true;
        loanPaymentsMatched++;
        JournalEntry entry = repay.get();
        assertEquals(due.get().principal(), credited(entry, Chart.MEMBER_LOANS), line.member() + "'s principal");
        assertEquals(due.get().interest(), credited(entry, Chart.LOAN_INTEREST), line.member() + "'s interest");
        assertEquals(due.get().penalty(), credited(entry, Chart.FINES), line.member() + "'s penalty");
        // paid as expected, the loan owes nothing more on the day
        assertTrue(groups.loanState(GROUP, due.get().loan(), date).totalDue().isZero(), "cleared " + due.get().loan());
      }
    }
    if (anyLoanDue) {
      sheetsWithLoanDues++;
    }
    // and a second import of the same sheet records nothing
    assertEquals(0, MeetingImport.run(groups, GROUP, table(MeetingSheetCommand.register(sheet)),
        RegisterLimits.DEFAULT, false).recorded().size());
  }

  @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
  void aSheetForADayWithNoLoanDuesHasOnlySavings(@ForAll("pasts") Past past) {
    // the last meeting paid every loan out; the sheet's day is before any first instalment
    Past lent = new Past(past.members(), 1, Math.min(past.daysAfterLast(), 27));
    SavingsGroups groups = books(lent);
    LocalDate date = sheetDate(lent);
    MeetingSheet sheet = MeetingSheet.of(groups, GROUP, date);
    for (MeetingSheet.Line line : sheet.lines()) {
      assertEquals(line.savingsDue(), line.total(), line.member() + " owes savings only");
    }
    String csv = MeetingSheetCommand.register(sheet);
    int before = groups.journal().entries(GROUP).size();
    importRegister(groups, csv);
    List<JournalEntry> recorded = groups.journal().entries(GROUP);
    assertEquals(before + sheet.lines().size(), recorded.size(), "one savings entry per member, nothing else");
    for (MeetingSheet.Line line : sheet.lines()) {
      assertTrue(entry(groups, date, line.member(), "SAVE").isPresent());
      assertFalse(entry(groups, date, line.member(), "REPAY").isPresent());
    }
  }

  @Provide
  Arbitrary<Past> pasts() {
    Arbitrary<Borrower> borrower = Combinators.combine(
        Arbitraries.of(true, true, false), Arbitraries.integers().between(5, 40),
        Arbitraries.of("flat", "emi", "equal-principal"), Arbitraries.integers().between(2, 10),
        Arbitraries.integers().between(1, 6),
        Arbitraries.integers().between(0, 40).list().ofSize(8), Arbitraries.of(false, false, true))
        .as(Borrower::new);
    return Combinators.combine(borrower.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(1, 8),
        Arbitraries.integers().between(1, 70)).as(Past::new);
  }

  /** The group's books after its past meetings, imported as a register. */
  private static SavingsGroups books(Past past) {
    SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    groups.createGroup(new Group(GROUP, "Sheet Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY,
        Money.of(INR, 100), RoundingPolicy.minorUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    for (int i = 0; i < past.members().size(); i++) {
      groups.addMember(GROUP, Member.joining(member(i), "Member " + (i + 1), MemberCategory.ADULT_WOMAN, FORMED));
    }
    StringBuilder csv = new StringBuilder(
        "date,member,present,savings,repaid_total,penalty,loan_given,loan_method,loan_monthly_rate,loan_instalments\n");
    for (int meeting = 0; meeting < past.meetings(); meeting++) {
      LocalDate date = FIRST_MEETING.plusMonths(meeting);
      for (int i = 0; i < past.members().size(); i++) {
        Borrower b = past.members().get(i);
        // the first meeting's savings are large enough to lend every loan at its end
        String savings = meeting == 0 ? "5000" : "100";
        boolean lending = b.borrows() && meeting == past.meetings() - 1 - Math.min(past.meetings() - 1, 3);
        boolean repaying = b.borrows() && meeting > past.meetings() - 1 - Math.min(past.meetings() - 1, 3);
        // at most three part payments of a quarter of the loan each: never more than it will ask
        String repaid = repaying
            ? String.valueOf(Math.min(10 * b.paymentsTens().get(meeting % 8), 25 * b.amountHundreds())) : "";
        String penalty = repaying && b.penalty() && meeting == past.meetings() - 1 ? "25" : "";
        if (!penalty.isEmpty() && repaid.equals("0")) {
          repaid = "";
        }
        csv.append(date).append(',').append(member(i).value()).append(",Y,").append(savings).append(',')
            .append(repaid.equals("0") ? "" : repaid).append(',').append(penalty).append(',')
            .append(lending ? String.valueOf(100 * b.amountHundreds()) : "").append(',')
            .append(lending ? b.method() : "").append(',')
            .append(lending ? new BigDecimal(b.rateHalfPercent()).divide(BigDecimal.valueOf(2)).toPlainString() : "")
            .append(',').append(lending ? String.valueOf(b.instalments()) : "").append('\n');
      }
    }
    importRegister(groups, csv.toString());
    return groups;
  }

  private static LocalDate sheetDate(Past past) {
    return FIRST_MEETING.plusMonths(past.meetings() - 1).plusDays(past.daysAfterLast());
  }

  private static void importRegister(SavingsGroups groups, String csv) {
    MeetingImport.run(groups, GROUP, table(csv), RegisterLimits.DEFAULT, false);
  }

  private static CsvTable table(String csv) {
    return CsvTable.of("sheet.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        RegisterLimits.DEFAULT, ',');
  }

  private static Optional<JournalEntry> entry(SavingsGroups groups, LocalDate date, MemberId member, String kind) {
    return groups.journal().entry(GROUP, EntryId.of("MTG:" + date + ":" + member.value() + ":" + kind));
  }

  /** What an entry credits to an account and its sub-ledgers, less what it debits there. */
  private static Money credited(JournalEntry entry, org.shgledger.journal.AccountCode account) {
    Money sum = Money.zero(INR);
    for (Posting posting : entry.postings()) {
      if (posting.account().value().equals(account.value())
          || posting.account().value().startsWith(account.value() + ":")) {
        sum = posting.side() == Side.CREDIT ? sum.plus(posting.amount()) : sum.minus(posting.amount());
      }
    }
    return sum;
  }

  private static MemberId member(int index) {
    return MemberId.of(String.format("M%02d", index + 1));
  }

}
