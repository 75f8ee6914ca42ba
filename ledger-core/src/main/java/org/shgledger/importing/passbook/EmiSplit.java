package org.shgledger.importing.passbook;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.BankLoan;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;

/**
 * Splits the EMI lines of one pass over a statement into interest and principal (docs/engine.md,
 * "NRLM funds and bank loan lines"). An EMI line is a withdrawal the rules send to the bank loan
 * (2200) whose narration does not call it principal: the bank debits one amount, which is
 * interest on the principal outstanding for the days since the previous repayment (or the
 * receipt), the rest principal. The terms are those of the latest bank loan received on or
 * before the line's date ({@code shg bank-loan receive --annual-rate --instalments --method});
 * without any, the line goes wholly to 2200 as before and is named in a warning.
 *
 * <p>The book's bank-loan entries are read once, when the pass starts and before it records
 * anything, and the pass's own lines are added as it goes: so a pass that records batch by batch
 * counts each line once, and the check pass and the write pass split every line alike.
 */
final class EmiSplit {

  /** A line that names itself principal is principal only (a bank that debits the parts apart). */
  private static final Pattern PRINCIPAL_ONLY = Pattern.compile("principal|\\bprin\\b", Pattern.CASE_INSENSITIVE);

  /** Warnings listed at most; the count says how many more. */
  static final int MAX_WARNINGS = 20;

  private final List<BankLoan> loans;
  private final CurrencyUnit currency;
  /** The book's entries that touch 2200, from the first receipt with terms on, date order. */
  private final List<JournalEntry> booked;
  private final Money bookedBefore;
  /** This pass's new lines to 2200 so far: the change to its balance (credit positive), by date. */
  private final List<Movement> lines = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private long warningCount;

  private record Movement(LocalDate date, Money credit, boolean repayment) {}

  /**
   * Reads the book's bank loans and its bank-loan entries.
   *
   * @param journal the book's journal
   * @param book the book
   * @param loans the book's bank loans with terms, in the order received
   * @param currency the book's currency
   */
  EmiSplit(JournalReader journal, BookId book, List<BankLoan> loans, CurrencyUnit currency) {
    this.loans = List.copyOf(loans);
    this.currency = currency;
    if (loans.isEmpty() || journal.account(book, Chart.BANK_LOAN).isEmpty()) {
      this.booked = List.of();
      this.bookedBefore = Money.zero(currency);
    } else {
      LocalDate from = loans.get(0).received();
      var before = journal.balance(book, Chart.BANK_LOAN, from.minusDays(1));
      this.bookedBefore = before.credits().minus(before.debits());
      List<JournalEntry> entries = new ArrayList<>(
          journal.entriesPosting(book, Chart.BANK_LOAN, from, LocalDate.of(9999, 12, 31)));
      entries.sort(java.util.Comparator.comparing(JournalEntry::date));
      this.booked = List.copyOf(entries);
    }
  }

  /** Whether a line is an EMI: money out to the bank loan, not named principal. */
  static boolean isEmi(PassbookLine line, AccountCode other) {
    return Chart.BANK_LOAN.equals(other) && line.withdrawal().isPositive()
        && !PRINCIPAL_ONLY.matcher(line.narration()).find();
  }

  /**
   * The interest part of a line, and notes it for the lines after it. A line that is no EMI, or
   * an EMI without terms (then warned about), has none.
   *
   * @param name the file's name, for the warning
   * @param line the line
   * @param other the account the rules send it to
   * @return the interest part, zero for none, not null
   */
  Money interestOf(String name, PassbookLine line, AccountCode other) {
    if (!Chart.BANK_LOAN.equals(other)) {
      return Money.zero(currency);
    }
    if (!isEmi(line, other)) {
      lines.add(new Movement(line.date(), line.deposit().minus(line.withdrawal()), line.withdrawal().isPositive()));
      return Money.zero(currency);
    }
    Optional<BankLoan> terms = termsOn(line.date());
    Money interest = Money.zero(currency);
    if (terms.isEmpty()) {
      warningCount++;
      if (warnings.size() < MAX_WARNINGS) {
        warnings.add(name + ":" + line.line() + ": the bank-loan EMI of " + line.date() + " ("
            + withCurrency(line.withdrawal())
            + ", '" + line.narration() + "') went wholly to the bank loan 2200, as the books hold no terms"
            + " of a bank loan received by then");
      }
    } else {
      BankLoan loan = terms.get();
      long days = ChronoUnit.DAYS.between(previousRepayment(line.date(), loan.received()), line.date());
      interest = loan.interestOn(outstandingBefore(line.date()), days);
      if (interest.isGreaterThan(line.withdrawal())) {
        interest = line.withdrawal();
      }
    }
    lines.add(new Movement(line.date(), interest.minus(line.withdrawal()), true));
    return interest;
  }

  /**
   * The warnings about EMI lines left whole for lack of terms, at most {@link #MAX_WARNINGS}.
   *
   * @return the warnings, not null
   */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * How many lines were warned about, those not listed included.
   *
   * @return the count
   */
  long warningCount() {
    return warningCount;
  }

  private Optional<BankLoan> termsOn(LocalDate date) {
    BankLoan found = null;
    for (BankLoan loan : loans) {
      if (!loan.received().isAfter(date)) {
        found = loan; // the latest received by then: the outstanding loan
      }
    }
    return Optional.ofNullable(found);
  }

  /** 2200's balance (credit positive) before the line: the book's up to the day before, and this pass's lines. */
  private Money outstandingBefore(LocalDate date) {
    Money balance = bookedBefore;
    for (JournalEntry entry : booked) {
      if (entry.date().isBefore(date)) {
        for (Posting posting : entry.postings()) {
          if (posting.account().equals(Chart.BANK_LOAN)) {
            balance = posting.side() == Side.CREDIT ? balance.plus(posting.amount()) : balance.minus(posting.amount());
          }
        }
      }
    }
    for (Movement movement : lines) {
      balance = balance.plus(movement.credit());
    }
    return balance;
  }

  /** The latest repayment to the bank loan before or on a date, since the receipt; else the receipt. */
  private LocalDate previousRepayment(LocalDate date, LocalDate receipt) {
    LocalDate previous = receipt;
    for (JournalEntry entry : booked) {
      boolean repayment = entry.reverses().isEmpty() && entry.postings().stream()
          .anyMatch(p -> p.account().equals(Chart.BANK_LOAN) && p.side() == Side.DEBIT);
      if (repayment && entry.date().isAfter(previous) && entry.date().isBefore(date)) {
        previous = entry.date();
      }
    }
    for (Movement movement : lines) {
      if (movement.repayment() && movement.date().isAfter(previous) && !movement.date().isAfter(date)) {
        previous = movement.date();
      }
    }
    return previous;
  }
}
