package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.importing.ImportException;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * One gate for every posting: a bank line reaches the books only through the engine, checked by
 * the rules every command is checked by. A passbook rule may name an account no engine event owns,
 * a member's savings (hers only while she is a member), or the register; never a member's loan,
 * the accumulated surplus or loan interest, whose balances the engine keeps in step with its own
 * records.
 */
class OneGateTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG07");
  private static final MemberId M01 = MemberId.of("M01");
  private static final MemberId M05 = MemberId.of("M05");
  private static final LocalDate FORMED = LocalDate.of(2025, 1, 1);

  private SavingsGroups groups;

  @BeforeEach
  void aGroupWhoseMemberM05HasLeft() {
    groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    groups.createGroup(new Group(SHG, "Ujala Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY, inr("100"),
        RoundingPolicy.minorUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 10)));
    groups.addMember(SHG, Member.joining(M01, "Asha", MemberCategory.ADULT_WOMAN, FORMED));
    groups.addMember(SHG, Member.joining(M05, "Rekha", MemberCategory.ADULT_WOMAN, FORMED));
    groups.record(SHG, EntryId.of("S1"), LocalDate.of(2025, 3, 1),
        new GroupOperation.Save(M05, SavingsKind.COMPULSORY, inr("100"), Channel.CASH));
    groups.settleExit(SHG, EntryId.of("EXIT-M05"), M05, LocalDate.of(2025, 3, 20), Channel.CASH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1200:M01", "1200", "3100", "4000"})
  void aRuleThatNamesAnAccountTheEngineOwnsIsRefusedWhenTheRulesAreRead(String account) {
    ImportException refused = assertThrows(ImportException.class,
        () -> PassbookRules.parse("shg07.rules", "# ours\ncash -> 1000\nUPI/M01 -> " + account + "\n"));

    String message = refused.getMessage();
    assertTrue(message.startsWith("shg07.rules:3:12: a rule may not send bank lines to account " + account), message);
    assertTrue(message.contains("'shg "), "it names the command to use instead: " + message);
  }

  @Test
  void aRuleToAMemberLoanNamesTheLoanCommands() {
    ImportException refused = assertThrows(ImportException.class,
        () -> PassbookRules.parse("r", "UPI/M01/LOAN -> 1200:M01"));

    assertTrue(refused.getMessage().contains("'shg loan repay'"), refused.getMessage());
  }

  @Test
  void aBankLineToTheSavingsOfAMemberWhoHasLeftIsRefusedAtItsLineAndNothingIsWritten() {
    PassbookRules rules = PassbookRules.parse("r", "cash -> 1000\nUPI/M05 -> 2000:M05\nUPI/M01 -> 2000:M01");
    String statement = """
        Date,Narration,Withdrawal,Deposit,Balance
        02/04/2025,UPI/M01/SAVINGS,,100.00,100.00
        05/04/2025,UPI/M05/SAVINGS,,500.00,600.00
        """;
    int before = groups.journal().entries(SHG).size();

    ImportException refused = assertThrows(ImportException.class, () -> new PassbookImporter(groups)
        .importSource(SHG, "p.csv", text(statement), PassbookImporter.Options.defaults().withRules(rules)));

    assertTrue(refused.getMessage().startsWith("p.csv:3:1: the books refuse this line (MEMBER_HAS_LEFT)"),
        refused.getMessage());
    assertEquals(before, groups.journal().entries(SHG).size(), "nothing of the file is written");
  }

  @Test
  void aBankLineToTheSavingsOfAMemberOfTheDayIsRecordedThroughTheEngine() {
    PassbookRules rules = PassbookRules.parse("r", "UPI/M01 -> 2000:M01");
    String statement = "Date,Narration,Withdrawal,Deposit,Balance\n02/04/2025,UPI/M01/SAVINGS,,100.00,100.00\n";

    PassbookImportReport report = new PassbookImporter(groups)
        .importSource(SHG, "p.csv", text(statement), PassbookImporter.Options.defaults().withRules(rules));

    assertEquals(1, report.recorded());
    assertEquals(inr("100"), groups.savings(SHG, M01, LocalDate.of(2025, 4, 2)));
  }

  @Test
  void aLineCannotBeReclassifiedToAMemberLoanOrToTheSavingsOfAMemberWhoHasLeft() {
    String statement = "Date,Narration,Withdrawal,Deposit,Balance\n05/04/2025,NEFT FROM SOMEONE,,700.00,700.00\n";
    PassbookImporter importer = new PassbookImporter(groups);
    importer.importSource(SHG, "p.csv", text(statement), PassbookImporter.Options.defaults());
    EntryId line = groups.journal().entries(SHG).stream()
        .filter(e -> e.id().value().startsWith(PassbookImporter.ID_PREFIX)).findFirst().orElseThrow().id();

    GroupException toLoan = assertThrows(GroupException.class,
        () -> groups.reclassifyBankLine(SHG, line, AccountCode.of("1200:M01")));
    GroupException toLeft = assertThrows(GroupException.class, () -> importer.reclassify(SHG, line, "2000:M05"));

    assertEquals(GroupRejection.ACCOUNT_OWNED_BY_ENGINE, toLoan.reason());
    assertEquals(GroupRejection.MEMBER_HAS_LEFT, toLeft.reason());
    assertEquals(inr("-700"), groups.journal().balance(SHG, Chart.SUSPENSE, LocalDate.MAX).net(), "still in Suspense");
    assertEquals(List.of(), groups.journal().entries(SHG).stream()
        .filter(e -> e.id().value().endsWith("/rc") || e.id().value().endsWith("/rv")).toList());
  }

  @Test
  void openingBalancesMayNotCarryAMemberLoanBehindTheEngine() {
    GroupOperation opening = new GroupOperation.OpeningBalances(List.of(
        org.shgledger.journal.Posting.debit(AccountCode.of("1200:M01"), inr("500")),
        org.shgledger.journal.Posting.credit(Chart.SURPLUS, inr("500"))), "opening balances");

    GroupException refused = assertThrows(GroupException.class,
        () -> groups.record(SHG, EntryId.of("OPEN"), LocalDate.of(2025, 4, 1), opening));

    assertEquals(GroupRejection.ACCOUNT_OWNED_BY_ENGINE, refused.reason());
  }

  /**
   * An entry recorded under an imported line's id with other content (a decoy of ₹1) would make
   * the import skip the real line as "already in the books": the import refuses the file instead,
   * naming the line, the id and the entry it found.
   */
  @Test
  void anEntryUnderALinesIdWithOtherContentIsAConflictNotTheLine() {
    String statement = "Date,Narration,Withdrawal,Deposit,Balance\n05/04/2025,NEFT FROM SOMEONE,,5000.00,5000.00\n";
    List<org.shgledger.journal.JournalEntry> planned = new java.util.ArrayList<>();
    new PassbookImporter(groups).importSource(SHG, "p.csv", text(statement),
        PassbookImporter.Options.defaults().withDryRun(true).withPlanned(planned::add));
    EntryId lineId = planned.get(0).id();
    groups.record(SHG, lineId, LocalDate.of(2025, 4, 5),
        new GroupOperation.OtherIncome(inr("1"), "decoy", Channel.CASH));
    int before = groups.journal().entries(SHG).size();

    ImportException conflict = assertThrows(ImportException.class, () -> new PassbookImporter(groups)
        .importSource(SHG, "p.csv", text(statement), PassbookImporter.Options.defaults()));

    assertTrue(conflict.getMessage().startsWith("p.csv:2:1: this line's id " + lineId
        + " is in the books already on an entry of other content (dated 2025-04-05, 'other income: decoy'"),
        conflict.getMessage());
    assertEquals(before, groups.journal().entries(SHG).size());
  }

  private static Supplier<InputStream> text(String csv) {
    return () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static Money inr(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }
}
