package org.shgledger.report.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.EntryKind;

/**
 * How one entry counts in a group statement (docs/reports.md): its receipts and payments by
 * category, and its income and expenditure. Every figure is a sum over entries, so the figures of
 * a period are those of its whole months plus or minus the entries of the days at its edges:
 * {@link org.shgledger.report.Reports} folds a period's entries with this rule, and a store keeps
 * the same fold per month with the entries ({@code statement_month}), written, migrated and
 * verified with this rule, so that the two never differ.
 *
 * <ul>
 *   <li><b>Receipts and payments.</b> An entry that posts to cash (1000) or bank (1100) counts its
 *       other postings, credits less debits, netted per category: the posting's top-level account
 *       (a member's sub-ledger counts under its control account). In a share-out, postings to
 *       equity, income and expense count under 2100, as savings paid out. A net credit is a
 *       receipt, a net debit a payment; an entry that undoes its root (a reversal, the reversal of
 *       a reversal's reversal, ...) counts against the side of its root, as a negative amount.
 *   <li><b>Income and expenditure.</b> Every posting to an income or expense account counts, credits
 *       less debits, under its top-level account, except in a year-end closing or a share-out (or
 *       a correction of one), which move the year's result rather than earn or spend.
 * </ul>
 */
public final class StatementFigures {

  /** Index of the receipts in a category's sums. */
  public static final int RECEIPTS = 0;
  /** Index of the payments in a category's sums. */
  public static final int PAYMENTS = 1;
  /** Index of the net income (credits less debits of income and expense postings) in a category's sums. */
  public static final int NET_INCOME = 2;
  /** The number of sums per category. */
  public static final int SUMS = 3;

  private static final String CASH = Chart.CASH.value();
  private static final String BANK = Chart.BANK.value();
  private static final String VOLUNTARY_SAVINGS = Chart.VOLUNTARY_SAVINGS.value();

  private StatementFigures() {}

  /**
   * What the statement asks of an account: the account it counts under and that account's type.
   *
   * @param code the top-level account's code: the account itself, or the control account it rolls
   *     up into
   * @param type that account's type
   */
  public record Category(String code, AccountType type) {}

  /**
   * Where an entry stands in its chain of corrections: the kind of the entry at its start, and
   * whether it undoes that entry (an odd number of reversals from it).
   *
   * @param kind the kind of the chain's first entry (for an ordinary entry, its own)
   * @param undoes whether the entry undoes it
   */
  public record Root(EntryKind kind, boolean undoes) {

    /**
     * An entry that corrects nothing: its own root.
     *
     * @param kind its kind
     * @return its root
     */
    public static Root of(EntryKind kind) {
      return new Root(kind, false);
    }

    /**
     * The root of an entry that reverses the one this is the root of.
     *
     * @return the same kind, undoing if this re-instates
     */
    public Root reversed() {
      return new Root(kind, !undoes);
    }
  }

  /**
   * One posting as the rule reads it.
   *
   * @param account the account's code, as stored
   * @param debit whether it is a debit
   * @param amountMinor its amount in minor units, above zero
   */
  public record Line(String account, boolean debit, long amountMinor) {}

  /**
   * Adds one entry's figures to sums per category.
   *
   * @param sums per category code, the {@value #SUMS} sums; added to
   * @param lines the entry's postings
   * @param root the entry's place in its chain of corrections
   * @param chart the category of each account the entry posts to
   * @param sign 1 to add the entry, -1 to take it away
   */
  public static void add(Map<String, long[]> sums, List<Line> lines, Root root, Function<String, Category> chart,
      int sign) {
    boolean shareOut = root.kind() == EntryKind.SHARE_OUT;
    boolean closing = shareOut || root.kind() == EntryKind.YEAR_END;
    boolean cashBook = false;
    for (Line line : lines) {
      cashBook |= isCashOrBank(line.account());
    }
    // credits less debits of the other postings, per category: what this entry brought in
    Map<String, Long> brought = cashBook ? new HashMap<>() : Map.of();
    for (Line line : lines) {
      Category category = chart.apply(line.account());
      long credit = line.debit() ? -line.amountMinor() : line.amountMinor();
      boolean result = category.type() == AccountType.INCOME || category.type() == AccountType.EXPENSE;
      if (cashBook && !isCashOrBank(line.account())) {
        // a share-out pays the group's own funds to members through their voluntary savings, in
        // the same entry: the payment is savings paid out, as the passbooks show it
        boolean ownFunds = result || category.type() == AccountType.EQUITY;
        brought.merge(shareOut && ownFunds ? VOLUNTARY_SAVINGS : category.code(), credit, Math::addExact);
      }
      if (result && !closing) {
        addTo(sums, category.code(), NET_INCOME, sign * credit);
      }
    }
    for (Map.Entry<String, Long> category : brought.entrySet()) {
      long in = category.getValue();
      if (in == 0) {
        continue;
      }
      // the side is the one of the entry being corrected: a reversed receipt is a negative receipt
      boolean receipt = root.undoes() ? in < 0 : in > 0;
      addTo(sums, category.getKey(), receipt ? RECEIPTS : PAYMENTS, sign * (receipt ? in : -in));
    }
  }

  /**
   * Adds sums to sums, category by category.
   *
   * @param sums added to
   * @param more the sums to add
   * @param sign 1 to add, -1 to take away
   */
  public static void addAll(Map<String, long[]> sums, Map<String, long[]> more, int sign) {
    more.forEach((code, figures) -> {
      for (int i = 0; i < SUMS; i++) {
        addTo(sums, code, i, sign * figures[i]);
      }
    });
  }

  private static void addTo(Map<String, long[]> sums, String code, int index, long amount) {
    long[] figures = sums.computeIfAbsent(code, c -> new long[SUMS]);
    figures[index] = Math.addExact(figures[index], amount);
  }

  /**
   * Whether a posting to this account moves cash in hand or the bank.
   *
   * @param account an account's code, as stored
   * @return whether it is 1000 or 1100 (not a sub-ledger of either)
   */
  public static boolean isCashOrBank(String account) {
    return account.equals(CASH) || account.equals(BANK);
  }
}
