package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Attendance;
import org.shgledger.group.BankLoan;
import org.shgledger.group.Channel;
import org.shgledger.group.DateLimits;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.server.LedgerServer;
import org.shgledger.server.Role;
import org.shgledger.server.ServerBooks;
import org.shgledger.server.User;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.SyncLog;

/**
 * {@code shg sync} through the command line against an in-process server: every operation a field
 * copy keeps is sent in the API's form and recorded on the server as the same entry (one
 * encoding), a refusal is listed with its reason, and pull leaves the copy equal to the server.
 */
class SyncCommandTest {

  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final MemberId M05 = MemberId.of("M05");

  @TempDir Path folder;
  ServerBooks books;
  LedgerServer server;
  String token;
  String url;

  @BeforeEach
  void start() {
    books = ServerBooks.open("jdbc:sqlite:" + folder.resolve("server.db"), DateLimits.standard(), Clock.systemUTC());
    SyncSimulationTest.setUp(books.store());
    token = books.users().add(new User("meena", Role.ADMIN, Optional.empty(), Optional.empty()), false).token();
    server = LedgerServer.start(books, new ServeCommand.Reports(), "127.0.0.1", 0,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    url = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    books.close();
  }

  @Test
  void everyOperationKeptOfflineIsRecordedOnTheServerAsTheSameEntry() {
    String field = folder.resolve("field.db").toString();
    Run clone = Run.shg("sync", "clone", url, "SHG01", "--db", field, "--token", token);
    assertEquals(0, clone.exitCode(), clone.err());
    String serverHead = books.store().journal().verify(SyncSimulationTest.SHG).headHash();
    assertTrue(clone.out().startsWith("SHG01: OK, 5 entries, head " + serverHead), clone.out());
    assertEquals(0, Run.shg("verify", "--db", field).exitCode());

    LocalDate day = LocalDate.of(2024, 6, 8);
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      SavingsGroups groups = store.engine();
      var inr = SyncSimulationTest.INR;
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-SAVE"), day,
          new GroupOperation.Save(M01, SavingsKind.COMPULSORY, Money.ofMajor(inr, 5000), Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-WELFARE"), day,
          new GroupOperation.WelfareContribution(M02, Money.ofMajor(inr, 20), Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-WITHDRAW"), day,
          new GroupOperation.WithdrawSavings(M02, SavingsKind.VOLUNTARY, Money.ofMajor(inr, 50), Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-FINE"), day,
          new GroupOperation.Fine(M02, Money.ofMajor(inr, 5), "late", Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-GRANT"), day,
          new GroupOperation.ReceiveGrant(Money.ofMajor(inr, 500), Channel.BANK));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-EXPENSE"), day,
          new GroupOperation.PayExpense(Money.ofMajor(inr, 30), "register book", Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-WELFARE-PAY"), day,
          new GroupOperation.WelfarePayment(Money.ofMajor(inr, 10), "medicine", Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-INCOME"), day,
          new GroupOperation.OtherIncome(Money.ofMajor(inr, 15), "sale of forms", Channel.CASH));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-DEPOSIT"), day,
          new GroupOperation.BankCash(Money.ofMajor(inr, 100)));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-BANK-OUT"), day,
          new GroupOperation.WithdrawFromBank(Money.ofMajor(inr, 40)));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-INTEREST"), day,
          new GroupOperation.BankInterest(Money.ofMajor(inr, 3)));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-CHARGES"), day,
          new GroupOperation.BankCharges(Money.ofMajor(inr, 2)));
      groups.receiveBankLoan(SyncSimulationTest.SHG, new BankLoan(EntryId.of("F-BANK-LOAN"), day,
          Money.ofMajor(inr, 10000), BigDecimal.valueOf(12), 12, RepaymentMethod.EMI));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-BANK-REPAY"), day,
          new GroupOperation.RepayBankLoan(Money.ofMajor(inr, 800), Money.ofMajor(inr, 100)));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-FED"), day,
          new GroupOperation.ReceiveFederationLoan(Money.ofMajor(inr, 2000), Channel.BANK));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-FED-REPAY"), day,
          new GroupOperation.RepayFederationLoan(Money.ofMajor(inr, 200), Money.ofMajor(inr, 20), Channel.BANK));
      var group = groups.group(SyncSimulationTest.SHG);
      groups.disburseLoan(SyncSimulationTest.SHG, EntryId.of("F-LOAN"), LoanId.of("L2"), M02,
          group.loanDefaults().termsFor(Money.ofMajor(inr, 600), day, group.rounding()), Channel.CASH);
      groups.disburseLoan(SyncSimulationTest.SHG, EntryId.of("F-OPEN"), LoanId.of("L3"), M01,
          OpenLoanTerms.of(Money.ofMajor(inr, 300), InterestRate.perYear(BigDecimal.valueOf(18)), day), Channel.CASH);
      groups.repayLoan(SyncSimulationTest.SHG, EntryId.of("F-REPAY"), SyncSimulationTest.LOAN, day.plusDays(1),
          Money.ofMajor(inr, 120), Channel.CASH);
      groups.chargeLoanPenalty(SyncSimulationTest.SHG, EntryId.of("F-PENALTY"), LoanId.of("L2"), day.plusDays(2),
          Money.ofMajor(inr, 10));
      groups.settleLoan(SyncSimulationTest.SHG, EntryId.of("F-SETTLE"), LoanId.of("L3"), day.plusDays(3),
          Channel.CASH, FlatEarlyInterest.NONE);
      groups.reverse(SyncSimulationTest.SHG, EntryId.of("F-FINE"), EntryId.of("F-REVERSE"), day, "fined twice");
      groups.recordMeeting(new Meeting(SyncSimulationTest.SHG, day, Map.of(M01, Attendance.PRESENT,
          M02, Attendance.LATE, MemberId.of("M03"), Attendance.ABSENT, MemberId.of("M04"), Attendance.LEAVE)));
      // a new member joins at the meeting, opens a bank account, and saves
      groups.addMember(SyncSimulationTest.SHG, Member.joining(M05, "Kamla Devi", MemberCategory.ADULT_WOMAN, day));
      groups.setBankAccount(SyncSimulationTest.SHG, M05, MemberBankAccount.of("Canara Bank", "CNRB0001234",
          "1234567890", day.minusMonths(2)));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-NEW-SAVE"), day,
          new GroupOperation.Save(M05, SavingsKind.COMPULSORY, Money.ofMajor(inr, 100), Channel.CASH));
    }
    // the office records a withdrawal first: the field's own withdrawal of the same savings is refused
    books.store().engine().record(SyncSimulationTest.SHG, EntryId.of("OFFICE-1"), day,
        new GroupOperation.WithdrawSavings(MemberId.of("M03"), SavingsKind.VOLUNTARY,
            Money.ofMajor(SyncSimulationTest.INR, 150), Channel.CASH));
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      store.engine().record(SyncSimulationTest.SHG, EntryId.of("F-LATE"), day, new GroupOperation.WithdrawSavings(
          MemberId.of("M03"), SavingsKind.VOLUNTARY, Money.ofMajor(SyncSimulationTest.INR, 250), Channel.CASH));
    }

    Run status = Run.shg("sync", "status", "--db", field);
    assertTrue(status.out().endsWith("27 pending, 0 accepted, 0 refused\n"), status.out());
    // a pull replays what is not pushed yet on the server's books: the office's withdrawal leaves
    // too little for the field's, so nothing is written and the field's withdrawal is named
    Run pullFirst = Run.shg("sync", "pull", "--db", field, "--token", token);
    assertEquals(ExitCodes.REJECTED, pullFirst.exitCode(), pullFirst.err());
    assertTrue(pullFirst.err().contains("the pending operation F-LATE (withdraw) of SHG01 cannot be replayed on the"
        + " server's books: INSUFFICIENT_SAVINGS: "), pullFirst.err());
    assertTrue(pullFirst.err().contains("Nothing was written: shg sync push"), pullFirst.err());
    assertEquals(status.out(), Run.shg("sync", "status", "--db", field).out(), "the file as it was");

    Map<String, JournalEntry> local;
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      local = new java.util.HashMap<>();
      store.journal().entries(SyncSimulationTest.SHG).forEach(e -> local.put(e.id().value(), e));
    }
    Run push = Run.shg("sync", "push", "--db", field, "--token", token);
    assertEquals(0, push.exitCode(), push.err());
    assertEquals("sent 27, accepted 26 (0 the server had already), refused 1: shg sync status shows why\n", push.out());
    Run again = Run.shg("sync", "push", "--db", field, "--token", token);
    assertEquals("sent 0, accepted 0 (0 the server had already), refused 0\n", again.out());

    status = Run.shg("sync", "status", "--db", field);
    assertTrue(status.out().contains("refused SHG01 F-LATE withdraw: INSUFFICIENT_SAVINGS"), status.out());
    assertTrue(status.out().endsWith("0 pending, 26 accepted, 1 refused\n"), status.out());

    for (JournalEntry mine : local.values()) {
      if (!mine.id().value().startsWith("F-") || mine.id().value().equals("F-LATE")) {
        continue;
      }
      JournalEntry theirs = books.store().journal().entry(SyncSimulationTest.SHG, mine.id()).orElseThrow(
          () -> new AssertionError(mine.id() + " is not on the server"));
      assertEquals(List.of(mine.date(), mine.kind(), mine.member(), mine.loan(), mine.postings(), mine.reverses()),
          List.of(theirs.date(), theirs.kind(), theirs.member(), theirs.loan(), theirs.postings(), theirs.reverses()),
          mine.id().toString());
    }
    assertTrue(books.store().engine().registry().meeting(SyncSimulationTest.SHG, day).isPresent());
    Member joined = books.store().engine().registry().member(SyncSimulationTest.SHG, M05).orElseThrow();
    assertEquals(List.of("Kamla Devi", day, "XXXXXX7890"), List.of(joined.name(), joined.joined(),
        joined.bankAccount().orElseThrow().maskedNumber()), "the member as the field recorded her");

    Run pull = Run.shg("sync", "pull", "--db", field, "--token", token);
    assertEquals(0, pull.exitCode(), pull.err());
    String head = books.store().journal().verify(SyncSimulationTest.SHG).headHash();
    assertTrue(pull.out().contains("head " + head), pull.out());
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      assertEquals(27, SyncLog.operations(store).size(), "the list and its answers survive the pull");
      assertTrue(store.journal().entry(SyncSimulationTest.SHG, EntryId.of("OFFICE-1")).isPresent());
      assertFalse(store.journal().entry(SyncSimulationTest.SHG, EntryId.of("F-LATE")).isPresent());
    }
    assertTrue(Run.shg("sync", "status", "--db", field).out().contains("INSUFFICIENT_SAVINGS"));
  }

  @Test
  void aPullKeepsWhatIsNotPushedYetOnTopOfTheServersBooks() {
    String field = folder.resolve("field.db").toString();
    assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", field, "--token", token).exitCode());
    LocalDate day = LocalDate.of(2024, 6, 8);
    var inr = SyncSimulationTest.INR;
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      SavingsGroups groups = store.engine();
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-1"), day,
          new GroupOperation.Save(M01, SavingsKind.COMPULSORY, Money.ofMajor(inr, 100), Channel.CASH));
      groups.addMember(SyncSimulationTest.SHG, Member.joining(M05, "Kamla Devi", MemberCategory.ADULT_WOMAN, day));
      groups.record(SyncSimulationTest.SHG, EntryId.of("F-2"), day,
          new GroupOperation.Save(M05, SavingsKind.COMPULSORY, Money.ofMajor(inr, 100), Channel.CASH));
    }
    books.store().engine().record(SyncSimulationTest.SHG, EntryId.of("OFFICE-2"), day,
        new GroupOperation.Save(M02, SavingsKind.VOLUNTARY, Money.ofMajor(inr, 50), Channel.CASH));

    Run pull = Run.shg("sync", "pull", "--db", field, "--token", token);
    assertEquals(0, pull.exitCode(), pull.err());
    assertTrue(pull.out().endsWith("3 operations not yet pushed replayed on the server's books, still pending"
        + " (0 the server had already: accepted)\n"), pull.out());
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      for (String id : List.of("OFFICE-2", "F-1", "F-2")) {
        assertTrue(store.journal().entry(SyncSimulationTest.SHG, EntryId.of(id)).isPresent(), id);
      }
      assertTrue(store.engine().registry().member(SyncSimulationTest.SHG, M05).isPresent());
      assertEquals(List.of("F-1", "member:M05", "F-2"), SyncLog.operations(store).stream()
          .filter(op -> op.state() == SyncLog.State.PENDING).map(SyncLog.Operation::key).toList());
    }
    assertEquals(0, Run.shg("verify", "--db", field).exitCode());
    Run hindi = Run.shg("sync", "status", "--db", field, "--lang", "hi");
    assertTrue(hindi.out().endsWith("3 बाकी, 0 स्वीकार, 0 अस्वीकार\n"), hindi.out());
    assertTrue(hindi.out().contains("बाकी SHG01 member:M05 member-add\n"), hindi.out());

    // a push whose answers were all lost: the server has the three, the file does not know it
    new SyncClient(SyncClient.http(), token).push(Path.of(field), SyncClient.BATCH, 0);
    Run again = Run.shg("sync", "pull", "--db", field, "--token", token);
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().endsWith("0 operations not yet pushed replayed on the server's books, still pending"
        + " (3 the server had already: accepted)\n"), again.out());
    assertTrue(again.out().contains("head " + books.store().journal().verify(SyncSimulationTest.SHG).headHash()),
        again.out());
    assertTrue(Run.shg("sync", "status", "--db", field).out().endsWith("0 pending, 3 accepted, 0 refused\n"));
    Run push = Run.shg("sync", "push", "--db", field, "--token", token);
    assertEquals("sent 0, accepted 0 (0 the server had already), refused 0\n", push.out());
  }

  /**
   * Two laptops and the office each gave the id M05 to a different woman. The office's stands; each
   * laptop's joining is refused, and so is what the laptop recorded for its M05 afterwards, which
   * would otherwise have been recorded for the office's M05: refused by the server when both are in
   * one push, and by the field file itself when the joining's refusal came back in an earlier one.
   */
  @Test
  void whatWasRecordedForAWomanWhoseJoiningIsRefusedIsRefusedWithHerNeverRecordedForAnother() {
    String oneAtATime = folder.resolve("one-at-a-time.db").toString();
    String inOnePush = folder.resolve("in-one-push.db").toString();
    assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", oneAtATime, "--token", token).exitCode());
    assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", inOnePush, "--token", token).exitCode());
    LocalDate day = LocalDate.of(2024, 6, 8);
    var inr = SyncSimulationTest.INR;
    for (String field : List.of(oneAtATime, inOnePush)) {
      try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
        SavingsGroups groups = store.engine();
        groups.addMember(SyncSimulationTest.SHG, Member.joining(M05, "Laptop's Kamla", MemberCategory.ADULT_WOMAN, day));
        groups.record(SyncSimulationTest.SHG, EntryId.of("F-SAVE-M05"), day,
            new GroupOperation.Save(M05, SavingsKind.COMPULSORY, Money.ofMajor(inr, 100), Channel.CASH));
        groups.record(SyncSimulationTest.SHG, EntryId.of("F-SAVE-M01"), day,
            new GroupOperation.Save(M01, SavingsKind.COMPULSORY, Money.ofMajor(inr, 100), Channel.CASH));
      }
    }
    books.store().engine().addMember(SyncSimulationTest.SHG,
        Member.joining(M05, "Office's Sita", MemberCategory.ADULT_WOMAN, day));

    new SyncClient(SyncClient.http(), token).push(Path.of(oneAtATime), 1, -1);
    assertEquals(0, Run.shg("sync", "push", "--db", inOnePush, "--token", token).exitCode());

    for (String field : List.of(oneAtATime, inOnePush)) {
      try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        SyncLog.operations(store).forEach(op -> answers.put(op.key(),
            op.state() + (op.rejection() == null ? "" : " " + op.rejection())));
        assertEquals(Map.of("member:M05", "REFUSED MEMBER_EXISTS", "F-SAVE-M05", "REFUSED DEPENDS_ON_REFUSED",
            "F-SAVE-M01", "ACCEPTED"), answers, field);
      }
    }
    assertTrue(books.store().journal().entry(SyncSimulationTest.SHG, EntryId.of("F-SAVE-M05")).isEmpty(),
        "the laptops' saving for their M05 is not the office's M05's");
    assertEquals("Office's Sita", books.store().engine().registry().member(SyncSimulationTest.SHG, M05)
        .orElseThrow().name());
    Run status = Run.shg("sync", "status", "--db", inOnePush);
    assertTrue(status.out().contains("recorded for member M05, whose own recording was refused"), status.out());
  }

  @Test
  void aMeetingRegisterImportedOnAFieldCopyIsRecordedOnTheServerAsTheSameEntries() throws Exception {
    String field = folder.resolve("field.db").toString();
    assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", field, "--token", token).exitCode());
    java.util.Set<String> cloned = ids(Path.of(field));
    Path register = folder.resolve("register.csv");
    Files.writeString(register, """
        date,member,present,savings,voluntary_savings,repaid_total,fine,loan_given,loan_instalments
        2024-06-08,M01,Y,100,,120,,,
        2024-06-08,M02,Y,100,50,,,500,5
        2024-06-08,M03,N,,,,,,
        2024-06-08,M04,Y,100,,,10,,
        """);
    Run imported = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", field);
    assertEquals(0, imported.exitCode(), imported.err());
    Map<String, JournalEntry> recorded = new java.util.TreeMap<>();
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      store.journal().entries(SyncSimulationTest.SHG).stream().filter(e -> !cloned.contains(e.id().value()))
          .forEach(e -> recorded.put(e.id().value(), e));
      assertEquals(recorded.size() + 1, SyncLog.operations(store).size(), "each entry and the roll, pending");
    }
    assertEquals(7, recorded.size(), recorded.keySet().toString());

    Run push = Run.shg("sync", "push", "--db", field, "--token", token);
    assertEquals("sent 8, accepted 8 (0 the server had already), refused 0\n", push.out(), push.err());
    for (JournalEntry mine : recorded.values()) {
      JournalEntry theirs = books.store().journal().entry(SyncSimulationTest.SHG, mine.id()).orElseThrow();
      assertEquals(List.of(mine.date(), mine.kind(), mine.member(), mine.loan(), mine.postings(), mine.memo()),
          List.of(theirs.date(), theirs.kind(), theirs.member(), theirs.loan(), theirs.postings(), theirs.memo()),
          mine.id().toString());
    }
    assertEquals(Attendance.ABSENT, books.store().engine().registry().meeting(SyncSimulationTest.SHG, LocalDate.of(
        2024, 6, 8)).orElseThrow().attendance().get(MemberId.of("M03")));

    Run pull = Run.shg("sync", "pull", "--db", field, "--token", token);
    assertEquals(0, pull.exitCode(), pull.err());
    var server = books.store().journal().verify(SyncSimulationTest.SHG);
    assertTrue(pull.out().startsWith("SHG01: OK, " + server.entriesChecked() + " entries, head " + server.headHash()
        + "; registry " + server.registryEventsChecked() + " rows, head " + server.registryHeadHash()), pull.out());
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(field))) {
      assertEquals(books.store().journal().entries(SyncSimulationTest.SHG), store.journal().entries(SyncSimulationTest.SHG));
    }
  }

  private static java.util.Set<String> ids(Path file) {
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      return store.journal().entries(SyncSimulationTest.SHG).stream().map(e -> e.id().value())
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void aWrongTokenOrAnUnreachableServerIsAFailureThatChangesNothing() throws Exception {
    Path field = folder.resolve("field.db");
    Run bad = Run.shg("sync", "clone", url, "SHG01", "--db", field.toString(), "--token", "shg_wrong");
    assertEquals(ExitCodes.IO_ERROR, bad.exitCode());
    assertTrue(bad.err().contains("401"), bad.err());
    assertFalse(Files.exists(field), "no file: a clone appears whole or not at all");
    Run noToken = Run.shg("sync", "push", "--db", field.toString());
    assertEquals(ExitCodes.USAGE, noToken.exitCode(), noToken.err());
    assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", field.toString(), "--token", token).exitCode());
    byte[] before = Files.readAllBytes(field);
    Run unreachable = Run.shg("sync", "clone", "http://127.0.0.1:1", "SHG01", "--db",
        folder.resolve("other.db").toString(), "--token", token);
    assertEquals(ExitCodes.IO_ERROR, unreachable.exitCode());
    // a clone of several groups, one of them unknown to the server: no file, no temporary file left
    Run unknown = Run.shg("sync", "clone", url, "SHG01", "SHG09", "SHG01", "--db", folder.resolve("more.db").toString(),
        "--token", token);
    assertEquals(ExitCodes.IO_ERROR, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().contains("404"), unknown.err());
    try (var files = Files.list(folder)) {
      assertEquals(List.of("field.db"), files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".db"))
          .filter(n -> !n.startsWith("server.db")).sorted().toList());
    }
    Run twice = Run.shg("sync", "clone", url, "SHG01", "--db", field.toString(), "--token", token);
    assertEquals(ExitCodes.REJECTED, twice.exitCode());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(field)));
  }
}
