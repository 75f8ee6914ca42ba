package org.shgledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;

/**
 * The specification of the statement's receipts and payments and its income and expenditure: the
 * fold over the period's entries, one by one, as {@link Reports} computed them before the store
 * kept the figures per month (schema version 18), kept here word for word so that the fast path
 * (month rows plus the entries of the days at the period's edges) is always checked against it.
 */
final class StatementSpec {

  private StatementSpec() {}

  /** The receipts and payments of a period, folded from its entries. */
  static ReceiptsAndPayments receiptsAndPayments(SavingsGroups groups, BookId code, LocalDate from, LocalDate to) {
    GroupBooks books = new GroupBooks(groups.group(code), groups.journal());
    Map<AccountCode, Money> receipts = new TreeMap<>();
    Map<AccountCode, Money> payments = new TreeMap<>();
    for (JournalEntry entry : books.between(from, to)) {
      if (!touchesCashOrBank(entry)) {
        continue;
      }
      // credits less debits of the other postings, per category: what this entry brought in
      Map<AccountCode, Money> net = new TreeMap<>();
      boolean shareOut = books.isShareOut(entry);
      for (Posting posting : entry.postings()) {
        if (!isCashOrBank(posting.account())) {
          Money signed = posting.side() == Side.CREDIT ? posting.amount() : posting.amount().negated();
          Account category = books.topLevel(posting.account());
          boolean ownFunds = category.type() == AccountType.EQUITY || category.type() == AccountType.INCOME
              || category.type() == AccountType.EXPENSE;
          net.merge(shareOut && ownFunds ? Chart.VOLUNTARY_SAVINGS : category.code(), signed, Money::plus);
        }
      }
      boolean undoes = books.undoesRoot(entry);
      for (Map.Entry<AccountCode, Money> category : net.entrySet()) {
        Money in = category.getValue();
        if (in.isZero()) {
          continue;
        }
        boolean receipt = undoes ? in.isNegative() : in.isPositive();
        if (receipt) {
          receipts.merge(category.getKey(), in, Money::plus);
        } else {
          payments.merge(category.getKey(), in.negated(), Money::plus);
        }
      }
    }
    List<ReportLine> receiptLines = lines(books, receipts);
    List<ReportLine> paymentLines = lines(books, payments);
    LocalDate before = from.minusDays(1);
    return new ReceiptsAndPayments(
        books.balanceFromTrial(Chart.CASH, before), books.balanceFromTrial(Chart.BANK, before),
        receiptLines, ReportLine.total(books.currency(), receiptLines),
        paymentLines, ReportLine.total(books.currency(), paymentLines),
        books.balanceFromTrial(Chart.CASH, to), books.balanceFromTrial(Chart.BANK, to));
  }

  /** The income and expenditure of a period, folded from its entries. */
  static IncomeAndExpenditure incomeAndExpenditure(SavingsGroups groups, BookId code, LocalDate from, LocalDate to) {
    GroupBooks books = new GroupBooks(groups.group(code), groups.journal());
    Map<AccountCode, Money> income = new TreeMap<>();
    Map<AccountCode, Money> expenditure = new TreeMap<>();
    for (JournalEntry entry : books.between(from, to)) {
      for (Posting posting : entry.postings()) {
        Account account = books.topLevel(posting.account());
        if (isClosingPosting(books, entry, posting)) {
          continue;
        }
        Money debit = posting.side() == Side.DEBIT ? posting.amount() : posting.amount().negated();
        if (account.type() == AccountType.INCOME) {
          income.merge(account.code(), debit.negated(), Money::plus);
        } else if (account.type() == AccountType.EXPENSE) {
          expenditure.merge(account.code(), debit, Money::plus);
        }
      }
    }
    List<ReportLine> incomeLines = lines(books, income);
    List<ReportLine> expenditureLines = lines(books, expenditure);
    return new IncomeAndExpenditure(incomeLines, ReportLine.total(books.currency(), incomeLines),
        expenditureLines, ReportLine.total(books.currency(), expenditureLines));
  }

  private static boolean isCashOrBank(AccountCode code) {
    return code.equals(Chart.CASH) || code.equals(Chart.BANK);
  }

  private static boolean touchesCashOrBank(JournalEntry entry) {
    return entry.postings().stream().anyMatch(p -> isCashOrBank(p.account()));
  }

  private static boolean isClosingPosting(GroupBooks books, JournalEntry entry, Posting posting) {
    AccountType type = books.topLevel(posting.account()).type();
    if (type != AccountType.INCOME && type != AccountType.EXPENSE) {
      return false;
    }
    return books.isYearEndClosing(entry) || books.isShareOut(entry);
  }

  private static List<ReportLine> lines(GroupBooks books, Map<AccountCode, Money> amounts) {
    List<ReportLine> lines = new ArrayList<>();
    amounts.forEach((code, amount) -> {
      if (!amount.isZero()) {
        lines.add(new ReportLine(code, books.account(code).name(), amount));
      }
    });
    return lines;
  }
}
