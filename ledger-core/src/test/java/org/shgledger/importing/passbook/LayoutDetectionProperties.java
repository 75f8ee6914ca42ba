package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.INR;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.shgledger.group.UnitOfWork;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.money.MoneyFormats;

/**
 * The same statement written in every built-in layout, as each bank's export writes it (issue 14):
 * each file is recognised as its own profile without {@code --profile}, and every one gives the
 * same entries (ids, accounts, amounts) as the others.
 */
class LayoutDetectionProperties {

  /** Narrations whose accounts have no balance limit, so any generated line can be recorded. */
  private static final List<String> NARRATIONS =
      List.of("SB INTEREST", "SMS CHARGES", "NEFT ASHA TRADERS", "GRANT RF", "UPI/1234/ASHA SHOP");

  /** A line of the statement. */
  record Line(LocalDate date, String narration, long withdrawal, long deposit, long balance) {}

  /** One movement before balances: days after the previous one, direction, amount, narration. */
  record Step(int days, boolean deposit, long amountMinor, int narration) {}

  @Provide
  Arbitrary<List<Line>> statements() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, true, false),
            Arbitraries.oneOf(Arbitraries.of(50_000L, 100_000L), Arbitraries.longs().between(1, 20_000_000)),
            Arbitraries.integers().between(0, NARRATIONS.size() - 1))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(20).map(steps -> {
      LocalDate date = LocalDate.of(2025, 4, 1);
      long balance = 0;
      List<Line> lines = new java.util.ArrayList<>();
      for (Step s : steps) {
        date = date.plusDays(s.days());
        boolean deposit = s.deposit() || s.amountMinor() > balance;
        balance += deposit ? s.amountMinor() : -s.amountMinor();
        lines.add(new Line(date, NARRATIONS.get(s.narration()), deposit ? 0 : s.amountMinor(),
            deposit ? s.amountMinor() : 0, balance));
      }
      return lines;
    });
  }

  @Property(tries = 40)
  void everyLayoutIsDetectedAsItsOwnProfileAndGivesTheSameEntries(@ForAll("statements") List<Line> lines) {
    Map<String, String> entries = new TreeMap<>();
    for (PassbookProfile profile : PassbookProfile.BUILT_IN) {
      Journal journal = Books.prepare(new InMemoryJournal());
      byte[] file = render(profile.name(), lines).getBytes(StandardCharsets.UTF_8);
      PassbookImportReport report = new PassbookImporter(Books.engine(journal, UnitOfWork.immediate()))
          .importSource(GROUP, profile.name() + ".csv", () -> new ByteArrayInputStream(file),
              PassbookImporter.Options.defaults());
      assertEquals(profile.name(), report.profile(), "detected");
      assertEquals(lines.size(), report.recorded());
      entries.put(profile.name(), describe(journal));
    }
    assertEquals(1, entries.values().stream().distinct().count(), entries.toString());
  }

  /** The book's entries and balances, without what each layout writes its own way (memo, source). */
  private static String describe(Journal journal) {
    String postings = journal.entries(GROUP).stream()
        .map(e -> e.id() + " " + e.date() + " " + e.postings())
        .sorted().collect(Collectors.joining("\n"));
    Map<AccountCode, Money> balances = new TreeMap<>();
    for (Account account : journal.accounts(GROUP)) {
      balances.put(account.code(), journal.balance(GROUP, account.code(), LocalDate.MAX).net());
    }
    return postings + "\n" + balances;
  }

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy", Locale.ROOT);
  private static final DateTimeFormatter SBI = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter KOTAK = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter IDBI = DateTimeFormatter.ofPattern("dd/MM/yyyy hh:mm:ss a", Locale.ENGLISH);

  /** The statement in a profile's layout, with its preamble, header, date form and amount style. */
  static String render(String profile, List<Line> lines) {
    StringBuilder out = new StringBuilder();
    Function<Long, String> plain = minor -> MoneyFormats.plain(Money.ofMinor(INR, minor));
    Function<Long, String> indian = minor -> '"' + MoneyFormats.indian(Money.ofMinor(INR, minor)) + '"';
    Function<Long, String> blankOr = minor -> minor == 0 ? "" : indian.apply(minor);
    int serial = 0;
    switch (profile) {
      case "generic" -> out.append("Date,Narration,Withdrawal,Deposit,Balance\n");
      case "sbi" -> out.append("Account Name,:,ASHA MAHILA SAMOOH\nBranch,:,TEST\n\n"
          + "Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n");
      case "hdfc" -> out.append("Date,Narration,Value Dat,Debit Amount,Credit Amount,Chq/Ref Number,Closing Balance\n");
      case "icici" -> out.append("DETAILED STATEMENT\n\nS No.,Value Date,Transaction Date,Cheque Number,"
          + "Transaction Remarks,Withdrawal Amount (INR ),Deposit Amount (INR ),Balance (INR )\n");
      case "kotak" -> out.append("ASHA MAHILA SAMOOH,,,,,,,,\n,,,,,,,,\nSl. No.,Transaction Date,Value Date,"
          + "Description,Chq / Ref No.,Amount,Dr / Cr,Balance,Dr / Cr\n");
      case "kotak-debit-credit" -> out.append("Savings Account Transactions,,,,,,\n#,Date,Description,"
          + "Chq/Ref. No.,Withdrawal (Dr.),Deposit (Cr.),Balance\n-,-,Opening Balance,-,-,-,0.00\n");
      case "idbi" -> out.append("IDBI BANK LTD.,,,,,,,,\nSrl,Txn Date,Value Date,Description,Cheque No,CR/DR,CCY,"
          + "Amount (INR),Balance (INR)\n");
      case "bob" -> out.append("BANK OF BARODA,,,,,,\nTRAN DATE,VALUE DATE,NARRATION,CHQ.NO.,WITHDRAWAL(DR),"
          + "DEPOSIT(CR),BALANCE(INR)\n");
      case "bob-mini" -> out.append("Mini Statement,,,,,,,,,\nTran Date,,Particulars,,,,Tran Amount,,Balance,\n");
      case "particulars" -> out.append("THE SAMPLE CO-OPERATIVE BANK LTD.,,,,,\nDate,Particulars,Chq No,Debit,"
          + "Credit,Balance\n" + SLASHED.format(lines.get(0).date()) + ",By Opening Balance,,,,0.00 Cr\n");
      default -> throw new IllegalArgumentException("no layout for " + profile);
    }
    for (Line l : lines) {
      serial++;
      long amount = l.withdrawal() + l.deposit();
      boolean deposit = l.deposit() > 0;
      switch (profile) {
        case "generic" -> out.append(SLASHED.format(l.date())).append(',').append(l.narration()).append(',')
            .append(l.withdrawal() == 0 ? "" : plain.apply(l.withdrawal())).append(',')
            .append(l.deposit() == 0 ? "" : plain.apply(l.deposit())).append(',').append(plain.apply(l.balance()));
        case "sbi" -> out.append(SBI.format(l.date())).append(',').append(SBI.format(l.date())).append(",BY ")
            .append(l.narration()).append(",,").append(blankOr.apply(l.withdrawal())).append(',')
            .append(blankOr.apply(l.deposit())).append(',').append(indian.apply(l.balance()));
        case "hdfc" -> out.append(SHORT.format(l.date())).append(',').append(l.narration()).append(',')
            .append(SHORT.format(l.date())).append(',').append(plain.apply(l.withdrawal())).append(',')
            .append(plain.apply(l.deposit())).append(",0000000000000000,").append(plain.apply(l.balance()));
        case "icici" -> out.append(serial).append(',').append(SLASHED.format(l.date())).append(',')
            .append(SLASHED.format(l.date())).append(",,").append(l.narration()).append(',')
            .append(indian.apply(l.withdrawal())).append(',').append(indian.apply(l.deposit())).append(',')
            .append(indian.apply(l.balance()));
        case "kotak" -> out.append(serial).append(',').append(DASHED.format(l.date())).append(',')
            .append(DASHED.format(l.date())).append(',').append(l.narration()).append(",,")
            .append(indian.apply(amount)).append(deposit ? ",CR," : ",DR,").append(indian.apply(l.balance()))
            .append(",CR");
        case "kotak-debit-credit" -> out.append(serial).append(',').append(KOTAK.format(l.date())).append(',')
            .append(l.narration()).append(",,").append(blankOr.apply(l.withdrawal())).append(',')
            .append(blankOr.apply(l.deposit())).append(',').append(indian.apply(l.balance()));
        case "idbi" -> out.append(serial).append(',').append(IDBI.format(l.date().atTime(10, 15, 32)))
            .append(',').append(SLASHED.format(l.date())).append(',').append(l.narration()).append(",,")
            .append(deposit ? "Cr." : "Dr.").append(",INR,").append(indian.apply(amount)).append(',')
            .append(indian.apply(l.balance()));
        case "bob" -> out.append(DASHED.format(l.date())).append(',').append(DASHED.format(l.date())).append(',')
            .append(l.narration()).append(",,").append(blankOr.apply(l.withdrawal())).append(',')
            .append(blankOr.apply(l.deposit())).append(",\"")
            .append(MoneyFormats.indian(Money.ofMinor(INR, l.balance()))).append(" Cr\"");
        case "bob-mini" -> out.append(DASHED.format(l.date())).append(",,").append(l.narration()).append(",,,,")
            .append('"').append(deposit ? "" : "-").append(MoneyFormats.indian(Money.ofMinor(INR, amount)))
            .append("\",,").append(indian.apply(l.balance()))
            .append(',');
        case "particulars" -> out.append(SLASHED.format(l.date())).append(',').append(l.narration()).append(",,")
            .append(blankOr.apply(l.withdrawal())).append(',').append(blankOr.apply(l.deposit())).append(",\"")
            .append(MoneyFormats.indian(Money.ofMinor(INR, l.balance()))).append(" Cr\"");
        default -> throw new IllegalArgumentException(profile);
      }
      out.append('\n');
    }
    if (profile.equals("particulars")) {
      Line last = lines.get(lines.size() - 1);
      out.append(SLASHED.format(last.date())).append(",Closing Balance,,,,\"")
          .append(MoneyFormats.indian(Money.ofMinor(INR, last.balance()))).append(" Cr\"\n");
    }
    return out.toString();
  }

  /** Entries' ids, for a quick look when the property fails. */
  static List<String> ids(Journal journal) {
    return journal.entries(GROUP).stream().map(JournalEntry::id).map(Object::toString).sorted().toList();
  }
}
