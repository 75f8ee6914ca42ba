package org.shgledger.journal.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
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
import org.shgledger.journal.Journal;

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

  @AfterProperty
  void mostKindsOfRequestWereAccepted() {
    // A property that refuses nearly everything proves nothing: demand that a good share of
    // requests, and some of every kind that changes state, got through.
    if (tally.sawFailure) {
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
