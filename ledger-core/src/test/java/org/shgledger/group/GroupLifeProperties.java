package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
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
import org.shgledger.journal.InMemoryJournal;

/**
 * Random lives of a group — joining, saving, withdrawing, banking, fines, bank and federation
 * loans, grants, expenses, reversals, exits, year ends and distributions — checked against a model
 * after every step (see {@link GroupLife}): the journal invariants hold, members' sub-ledgers add up
 * to their control accounts, cash, bank and every member's savings stay at or above zero, and no
 * money is created or destroyed outside recorded flows.
 *
 * <p>Tries: {@code jqwik.tries.default}; steps per life: {@code -Dshg.group.steps=}. The lives run
 * in memory here, and on each durable store by extending this class.
 */
public class GroupLifeProperties {

  private static final int STEPS = Integer.getInteger("shg.group.steps", 80);

  /**
   * The engine's dates: today fixed on the last day a life can reach (a step moves at most 11
   * days), so that no life's date is refused as too far ahead on whatever day, and with however
   * many steps, the property runs. The date rule has its own examples (EngineDatesTest).
   */
  protected static final DateLimits DATES = new DateLimits(
      Clock.fixed(GroupLife.FORMED.plusDays(11L * STEPS).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC),
      DateLimits.DEFAULT_FUTURE_DAYS);
  /**
   * Some kinds of event are rarely accepted (a distribution needs a closed year with a surplus);
   * the few lives of a run on a database are not enough to see each, so they check the rate only.
   */
  private static final int LIVES_TO_SEE_EVERY_KIND = 100;
  private static GroupLife.Tally tally;

  /**
   * A new engine over an empty journal and registry, for each life; in memory unless a subclass
   * says otherwise.
   *
   * @return the engine
   */
  protected SavingsGroups newEngine() {
    return new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry(), UnitOfWork.immediate(), DATES);
  }

  @BeforeProperty
  void resetTally() {
    tally = new GroupLife.Tally();
  }

  @Property
  void theBooksFollowTheModelThroughAGroupsLife(@ForAll("lives") ActionChain<GroupLife> life) {
    life.run();
    afterLife();
  }

  /** Checks what a subclass's store holds after a life; nothing in memory. */
  protected void afterLife() {}

  @AfterProperty
  void mostEventsWereAccepted() {
    if (tally.lives == 0 || tally.sawFailure) {
      return;
    }
    long percent = tally.accepted() * 100 / Math.max(1, tally.total());
    System.out.printf("%s: %d of %d events accepted (%d%%)%n",
        getClass().getSimpleName(), tally.accepted(), tally.total(), percent);
    assertTrue(percent >= 40, () -> percent + "% of events accepted; " + tally);
    if (tally.lives < LIVES_TO_SEE_EVERY_KIND) {
      return;
    }
    for (String kind : new String[] {"save", "withdraw savings", "bank cash", "reverse", "exit", "year end",
        "distribute", "repay bank loan", "repay federation loan", "grant", "disburse loan", "repay loan", "settle loan",
        "loan penalty"}) {
      assertTrue(tally.accepted(kind) > 0, () -> "no '" + kind + "' event was accepted; " + tally);
    }
  }

  @Provide
  Arbitrary<ActionChain<GroupLife>> lives() {
    return ActionChain.startWith(() -> new GroupLife(tally, newEngine()))
        .withAction(new NextEvent())
        .withMaxTransformations(STEPS);
  }

  private static final class NextEvent implements Action.Independent<GroupLife> {
    @Override
    public Arbitrary<Transformer<GroupLife>> transformer() {
      return Arbitraries.longs().map(seed -> Transformer.mutate("event " + seed, life -> life.step(new Random(seed))));
    }
  }
}
