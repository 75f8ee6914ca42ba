package org.shgledger.journal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.TrialBalance;

/**
 * The journal's invariants, checked by long random chains of valid and invalid requests against
 * {@link JournalModel}. Each {@link Journal} implementation runs these by extending this class.
 *
 * <p>After every step: both accept or refuse with the same reason; a refused request or a repeat
 * changes nothing; entries are those accepted, in order, each balanced; every balance, as of many
 * dates, equals the fold of its postings; control accounts equal the sum of their sub-ledgers;
 * trial balances net to zero; assets = liabilities + equity + income − expenses; a reversal
 * restores every balance and nothing is reversed twice; lock dates agree.
 *
 * <p>Tries come from {@code jqwik.tries.default} (see {@code junit-platform.properties}); raise
 * them with {@code mvn test -Djqwik.tries.default=2000}. Steps per chain: {@code
 * -Dshg.journal.steps=200}.
 */
public abstract class JournalProperties {

  private static final int STEPS = Integer.getInteger("shg.journal.steps", 60);

  /** Counts accepted requests across all tries, so the property cannot pass by refusing everything. */
  private static JournalHarness.Tally tally;

  /**
   * A new, empty journal of the implementation under test.
   *
   * @return the journal
   */
  protected abstract Journal newJournal();

  @BeforeProperty
  void resetTally() {
    tally = new JournalHarness.Tally();
  }

  @Property
  void journalAgreesWithTheModelAfterEveryStep(@ForAll("chains") ActionChain<JournalHarness> chain) {
    chain.run();
  }

  @Property(tries = 50)
  void reversingEveryEntryReturnsEveryBalanceToZero(
      @ForAll("postingPlans") List<int[]> plans, @ForAll Random random) {
    Journal journal = newJournal();
    BookId book = BookId.of("SHG01");
    CurrencyUnit inr = CurrencyUnit.of("INR");
    journal.createBook(new Book(book, "Roshni", inr));
    String[] codes = {"1000", "1100", "2000", "4000", "5100"};
    AccountType[] types = {
      AccountType.ASSET, AccountType.ASSET,
      AccountType.LIABILITY, AccountType.INCOME,
      AccountType.EXPENSE
    };
    for (int i = 0; i < codes.length; i++) {
      journal.openAccount(Account.of(
          book, AccountCode.of(codes[i]), "Account " + codes[i], types[i], inr));
    }
    List<JournalEntry> recorded = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      int[] plan = plans.get(i);
      Money amount = Money.ofMinor(inr, plan[2]);
      recorded.add(journal.record(JournalEntry.of(
          EntryId.of("E" + i), book, LocalDate.of(2025, 4, 1).plusDays(plan[3]), "",
          List.of(
              Posting.debit(AccountCode.of(codes[plan[0]]), amount),
              Posting.credit(AccountCode.of(codes[plan[1]]), amount)))));
    }
    Collections.shuffle(recorded, random);
    LocalDate later = LocalDate.of(2026, 1, 1);
    for (JournalEntry entry : recorded) {
      journal.reverse(book, entry.id(), EntryId.of("R-" + entry.id()), later, "undo");
    }
    for (TrialBalance.Line line : journal.trialBalance(book, later).lines()) {
      assertTrue(line.isZero(), () -> "after reversing everything " + line.account().code() + " is " + line.net());
    }
    for (JournalEntry entry : recorded) {
      JournalException e = assertThrows(
          JournalException.class,
          () -> journal.reverse(book, entry.id(), EntryId.of("R2-" + entry.id()), later, "again"));
      assertEquals(Rejection.ALREADY_REVERSED, e.reason());
    }
  }

  @Provide
  Arbitrary<List<int[]>> postingPlans() {
    Arbitrary<int[]> plan = Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(1, 10_000_000),
            Arbitraries.integers().between(0, 200))
        .as((debit, credit, amount, day) -> new int[] {debit, credit, amount, day});
    return plan.list().ofMaxSize(30);
  }

  @AfterProperty
  void mostKindsOfRequestWereAccepted() {
    // A property that refuses nearly everything proves nothing: demand that a good share of
    // requests, and some of every kind that changes state, got through.
    if (tally.chains == 0 || tally.sawFailure) {
      // not the chain property, or it failed already: the counts say nothing then
      return;
    }
    assertTrue(tally.total() > 0, "no request was made");
    System.out.printf("%s: %d of %d requests accepted (%d%%)%n", getClass().getSimpleName(),
        tally.accepted(), tally.total(), tally.accepted() * 100 / tally.total());
    long acceptedPercent = tally.accepted() * 100 / tally.total();
    assertTrue(acceptedPercent >= 25, () -> acceptedPercent + "% of requests accepted; " + tally);
    for (String kind : new String[] {"open account", "record (new)", "record batch", "reverse", "lock"}) {
      assertTrue(tally.accepted(kind) > 0, () -> "no '" + kind + "' request was accepted; " + tally);
    }
  }

  @Provide
  Arbitrary<ActionChain<JournalHarness>> chains() {
    Supplier<JournalHarness> start = () -> new JournalHarness(newJournal(), tally);
    return ActionChain.startWith(start).withAction(new RandomRequest()).withMaxTransformations(STEPS);
  }

  /** One random request drawn from the state the chain has reached. */
  private static final class RandomRequest implements Action.Dependent<JournalHarness> {
    @Override
    public Arbitrary<Transformer<JournalHarness>> transformer(JournalHarness harness) {
      return Arbitraries.randomValue(harness::nextOperation)
          .map(operation -> Transformer.mutate(describe(operation), h -> h.apply(operation)));
    }

    private static String describe(Operation operation) {
      String text = operation.toString();
      return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
  }
}
