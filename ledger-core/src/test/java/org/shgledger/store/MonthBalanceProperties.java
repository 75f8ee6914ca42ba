package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountBalance;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.TrialBalance;

/**
 * The month-end balances (schema version 14) always equal the fold of the postings. Random chains
 * of what a group's books see — members' savings, loans paid out and repaid with interest,
 * expenses, reversals, year-end closings, batches, and imports that fail midway (entries recorded
 * in one unit of work that then throws, and batches with a bad entry in their middle) — run
 * against a model that folds the accepted entries per account and month. After every action the
 * stored rows equal the model's, and every account's balance on a random day equals the model's
 * sum up to that day; at the end the book verifies. Dates move back and forth over three years,
 * so entries land in months already summed.
 *
 * <p>The test counts accepted actions and fails if too few were, so it cannot pass by refusing
 * everything. Subclasses choose the database.
 */
abstract class MonthBalanceProperties {

  static final BookId BOOK = BookId.of("SHG01");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode BANK = AccountCode.of("1100");
  static final AccountCode LOANS = AccountCode.of("1200");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final AccountCode SURPLUS = AccountCode.of("3100");
  static final AccountCode INTEREST = AccountCode.of("4000");
  static final AccountCode EXPENSES = AccountCode.of("5000");
  static final List<String> MEMBERS = List.of("M01", "M02", "M03");
  static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  static final int DAYS = 3 * 365;

  private static final int STEPS = Integer.getInteger("shg.monthBalances.steps", 40);

  private static Tally tally;

  /** Accepted and refused actions, by kind, over all tries of a property. */
  static final class Tally {
    final Map<String, AtomicInteger> accepted = new TreeMap<>();
    final Map<String, AtomicInteger> refused = new TreeMap<>();

    void count(String kind, boolean wasAccepted) {
      (wasAccepted ? accepted : refused).computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    int total(Map<String, AtomicInteger> counts) {
      return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  /**
   * The URL of a new, empty database, for one chain.
   *
   * @return a JDBC URL
   */
  protected abstract String newDatabaseUrl();

  /** Opens a store on a URL, closed by the subclass at the end. */
  protected abstract LedgerStore open(String url);

  @BeforeProperty
  void resetTally() {
    tally = new Tally();
  }

  @Property
  void theStoredMonthBalancesAreAlwaysTheFoldOfThePostings(@ForAll("lives") ActionChain<Books> life) {
    Books books = life.run();
    Verification verification = books.store.journal().verify(BOOK);
    assertTrue(verification.isOk(), verification::toString);
  }

  @AfterProperty
  void mostActionsWereAccepted() {
    int accepted = tally.total(tally.accepted);
    int all = accepted + tally.total(tally.refused);
    System.out.printf("%s: %d of %d actions accepted; accepted %s, refused %s%n",
        getClass().getSimpleName(), accepted, all, tally.accepted, tally.refused);
    assertTrue(all == 0 || accepted * 100 / all >= 50, () -> accepted + " of " + all + " actions accepted");
    for (String kind : List.of("save", "loan", "repay", "reverse", "year end", "batch", "import failing midway",
        "batch failing midway")) {
      assertTrue(all < 100 || tally.accepted.containsKey(kind), () -> "no '" + kind + "' was accepted");
    }
  }

  @Provide
  Arbitrary<ActionChain<Books>> lives() {
    return ActionChain.startWith(() -> new Books(newDatabaseUrl()))
        .withAction(new NextAction())
        .withMaxTransformations(STEPS);
  }

  private static final class NextAction implements Action.Independent<Books> {
    @Override
    public Arbitrary<Transformer<Books>> transformer() {
      return Arbitraries.longs().map(seed -> Transformer.mutate("action " + seed, books -> books.step(new Random(seed))));
    }
  }

  /** A book in a store, and the model: its accepted entries folded per account and month. */
  final class Books {
    final String url;
    final LedgerStore store;
    /** Debits and credits per account and month, of every accepted entry. */
    final Map<MonthBalances.Key, long[]> model = new HashMap<>();
    /** Every accepted posting, for balances as of a day: account, day, signed amount. */
    final List<JournalEntry> accepted = new ArrayList<>();
    private final List<JournalEntry> reversible = new ArrayList<>();
    private int nextId;

    Books(String url) {
      this.url = url;
      this.store = open(url);
      store.journal().createBook(new Book(BOOK, "Roshni Mahila Samooh", INR));
      for (Account account : List.of(
          Account.of(BOOK, CASH, "Cash", AccountType.ASSET, INR),
          Account.of(BOOK, BANK, "Bank", AccountType.ASSET, INR),
          Account.of(BOOK, LOANS, "Loans to members", AccountType.ASSET, INR),
          Account.of(BOOK, SAVINGS, "Members' savings", AccountType.LIABILITY, INR),
          Account.of(BOOK, SURPLUS, "Surplus", AccountType.EQUITY, INR),
          Account.of(BOOK, INTEREST, "Interest", AccountType.INCOME, INR),
          Account.of(BOOK, EXPENSES, "Expenses", AccountType.EXPENSE, INR))) {
        store.journal().openAccount(account);
      }
      for (String member : MEMBERS) {
        store.journal().openAccount(Account.of(BOOK, LOANS, "Loans to members", AccountType.ASSET, INR)
            .subLedger(member, "Loan of " + member));
        store.journal().openAccount(Account.of(BOOK, SAVINGS, "Members' savings", AccountType.LIABILITY, INR)
            .subLedger(member, "Savings of " + member));
      }
    }

    void step(Random random) {
      int choice = random.nextInt(100);
      if (choice < 22) {
        single("save", saving(random));
      } else if (choice < 34) {
        single("loan", loan(random));
      } else if (choice < 46) {
        single("repay", repayment(random));
      } else if (choice < 54) {
        single("expense", expense(random));
      } else if (choice < 66) {
        reverse(random);
      } else if (choice < 72) {
        yearEnd(random);
      } else if (choice < 82) {
        batch(random);
      } else if (choice < 91) {
        importFailingMidway(random);
      } else {
        batchFailingMidway(random);
      }
      checkAgainstTheModel(random);
    }

    private LocalDate day(Random random) {
      return FIRST_DAY.plusDays(random.nextInt(DAYS));
    }

    private Money rupees(Random random) {
      return Money.ofMinor(INR, 100L * (1 + random.nextInt(5_000)) + random.nextInt(100));
    }

    private EntryId id(String prefix) {
      return EntryId.of(prefix + (++nextId));
    }

    private String member(Random random) {
      return MEMBERS.get(random.nextInt(MEMBERS.size()));
    }

    private JournalEntry saving(Random random) {
      String member = member(random);
      Money amount = rupees(random);
      return JournalEntry.of(id("S"), BOOK, day(random), "saving", List.of(
          Posting.debit(CASH, amount), Posting.credit(SAVINGS.sub(member), amount)))
          .withKind(EntryKind.SAVING, Optional.of(member), Optional.empty());
    }

    private JournalEntry loan(Random random) {
      String member = member(random);
      Money amount = rupees(random);
      return JournalEntry.of(id("L"), BOOK, day(random), "loan paid out", List.of(
          Posting.debit(LOANS.sub(member), amount), Posting.credit(BANK, amount)))
          .withKind(EntryKind.LOAN_DISBURSEMENT, Optional.of(member), Optional.empty());
    }

    private JournalEntry repayment(Random random) {
      String member = member(random);
      Money principal = rupees(random);
      Money interest = Money.ofMinor(INR, 1 + random.nextInt(50_000));
      return JournalEntry.of(id("R"), BOOK, day(random), "loan repaid", List.of(
          Posting.debit(CASH, principal.plus(interest)), Posting.credit(LOANS.sub(member), principal),
          Posting.credit(INTEREST, interest)))
          .withKind(EntryKind.LOAN_REPAYMENT, Optional.of(member), Optional.empty());
    }

    private JournalEntry expense(Random random) {
      Money amount = rupees(random);
      return JournalEntry.of(id("E"), BOOK, day(random), "stationery", List.of(
          Posting.debit(EXPENSES, amount), Posting.credit(CASH, amount)))
          .withKind(EntryKind.EXPENSE, Optional.empty(), Optional.empty());
    }

    private void single(String kind, JournalEntry entry) {
      store.journal().record(entry);
      accept(entry);
      tally.count(kind, true);
    }

    private void accept(JournalEntry entry) {
      accepted.add(entry);
      reversible.add(entry);
      long month = MonthBalances.month(entry.date());
      for (Posting posting : entry.postings()) {
        MonthBalances.add(model, new MonthBalances.Key(BOOK.value(), posting.account().value(), month),
            posting.side() == org.shgledger.journal.Side.DEBIT, posting.amount().getAmountMinorLong());
      }
    }

    /** Reverses an entry not reversed yet, on its day or later; a reversal can be reversed in turn. */
    private void reverse(Random random) {
      if (reversible.isEmpty()) {
        tally.count("reverse", false);
        return;
      }
      JournalEntry original = reversible.remove(random.nextInt(reversible.size()));
      LocalDate date = original.date().plusDays(random.nextInt(60));
      JournalEntry reversal = original.reversal(id("X"), date, "entered in error");
      store.journal().record(reversal);
      accept(reversal);
      tally.count("reverse", true);
    }

    /**
     * Closes a year as the engine does: moves income and expenses as of the year's last day into
     * the surplus, in an entry dated that day. Refused (by the model, before the journal) when
     * they net to nothing.
     */
    private void yearEnd(Random random) {
      LocalDate yearEnd = LocalDate.of(2024 + random.nextInt(3), 3, 31);
      long income = -net(INTEREST, yearEnd);
      long expenses = net(EXPENSES, yearEnd);
      List<Posting> postings = new ArrayList<>();
      if (income > 0) {
        postings.add(Posting.debit(INTEREST, Money.ofMinor(INR, income)));
      }
      if (expenses > 0) {
        postings.add(Posting.credit(EXPENSES, Money.ofMinor(INR, expenses)));
      }
      long surplus = income - expenses;
      if (postings.isEmpty() || surplus == 0 || income < 0 || expenses < 0) {
        tally.count("year end", false);
        return;
      }
      postings.add(surplus > 0 ? Posting.credit(SURPLUS, Money.ofMinor(INR, surplus))
          : Posting.debit(SURPLUS, Money.ofMinor(INR, -surplus)));
      JournalEntry closing = JournalEntry.of(id("YE"), BOOK, yearEnd, "year-end closing", postings)
          .withKind(EntryKind.YEAR_END, Optional.empty(), Optional.empty());
      single("year end", closing);
    }

    /** A batch of a few valid entries, recorded together (the import's batch path). */
    private void batch(Random random) {
      List<JournalEntry> entries = someEntries(random);
      store.journal().recordAll(entries);
      entries.forEach(this::accept);
      tally.count("batch", true);
    }

    /**
     * An import that fails midway: several entries recorded, one at a time, in one unit of work
     * (as an import of a register is), which then throws. Nothing of it is kept.
     */
    private void importFailingMidway(Random random) {
      List<JournalEntry> entries = someEntries(random);
      IllegalStateException failure = assertThrows(IllegalStateException.class,
          () -> store.unitOfWork().atomically(BOOK, () -> {
            for (JournalEntry entry : entries) {
              store.journal().record(entry);
            }
            throw new IllegalStateException("row " + (entries.size() + 1) + " of the register is wrong");
          }));
      assertTrue(failure.getMessage().contains("is wrong"));
      tally.count("import failing midway", true);
    }

    /** A batch with an entry to an account that does not exist in its middle: refused whole. */
    private void batchFailingMidway(Random random) {
      List<JournalEntry> entries = new ArrayList<>(someEntries(random));
      Money amount = rupees(random);
      entries.add(entries.size() / 2, JournalEntry.of(id("B"), BOOK, day(random), "to nowhere", List.of(
          Posting.debit(AccountCode.of("9999"), amount), Posting.credit(CASH, amount))));
      assertThrows(JournalException.class, () -> store.journal().recordAll(entries));
      tally.count("batch failing midway", true);
    }

    private List<JournalEntry> someEntries(Random random) {
      List<JournalEntry> entries = new ArrayList<>();
      int count = 2 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        entries.add(switch (random.nextInt(3)) {
          case 0 -> saving(random);
          case 1 -> repayment(random);
          default -> expense(random);
        });
      }
      return entries;
    }

    /** An account's net (debits less credits) in the model, as of a day. */
    private long net(AccountCode code, LocalDate asOf) {
      long net = 0;
      for (JournalEntry entry : accepted) {
        if (!entry.date().isAfter(asOf)) {
          for (Posting posting : entry.postings()) {
            if (posting.account().equals(code)) {
              net += posting.signedMinor();
            }
          }
        }
      }
      return net;
    }

    private void checkAgainstTheModel(Random random) {
      assertEquals(normalised(model), normalised(storedRows()), "the month rows are the fold of the postings");
      // balances read through the month rows: every account's, on a random day and a month's last day
      LocalDate day = day(random);
      for (LocalDate asOf : List.of(day, day.withDayOfMonth(day.lengthOfMonth()), LocalDate.MAX)) {
        TrialBalance trial = store.journal().trialBalance(BOOK, asOf);
        List<Account> accounts = store.journal().accounts(BOOK);
        for (Account account : accounts) {
          long debits = 0;
          long credits = 0;
          for (JournalEntry entry : accepted) {
            if (!entry.date().isAfter(asOf)) {
              for (Posting posting : entry.postings()) {
                boolean mine = posting.account().equals(account.code()) || accounts.stream().anyMatch(
                    sub -> sub.code().equals(posting.account()) && sub.control().equals(Optional.of(account.code())));
                if (mine) {
                  long amount = posting.amount().getAmountMinorLong();
                  if (posting.side() == org.shgledger.journal.Side.DEBIT) {
                    debits += amount;
                  } else {
                    credits += amount;
                  }
                }
              }
            }
          }
          AccountBalance balance = store.journal().balance(BOOK, account.code(), asOf);
          assertEquals(debits, balance.debits().getAmountMinorLong(), () -> account.code() + " debits as of " + asOf);
          assertEquals(credits, balance.credits().getAmountMinorLong(), () -> account.code() + " credits as of " + asOf);
        }
        assertEquals(trial.totalDebit(), trial.totalCredit(), () -> "the trial balance as of " + asOf + " balances");
      }
    }

    private Map<MonthBalances.Key, List<Long>> normalised(Map<MonthBalances.Key, long[]> rows) {
      Map<MonthBalances.Key, List<Long>> sorted = new TreeMap<>();
      rows.forEach((key, sums) -> {
        if (sums[0] != 0 || sums[1] != 0) {
          sorted.put(key, List.of(sums[0], sums[1]));
        }
      });
      return sorted;
    }

    /** The stored rows, read on a connection of their own: what any reader of the database sees. */
    Map<MonthBalances.Key, long[]> storedRows() {
      Map<MonthBalances.Key, long[]> rows = new HashMap<>();
      try (Connection connection = DriverManager.getConnection(url);
          PreparedStatement query = connection.prepareStatement(
              "SELECT book_id, account_code, month_yyyymm, debit_minor, credit_minor FROM account_month_balance");
          ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.put(new MonthBalances.Key(row.getString(1), row.getString(2), row.getLong(3)),
              new long[] {row.getLong(4), row.getLong(5)});
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return rows;
    }
  }
}
