package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Random lives of a group — joining, saving, withdrawing, banking, fines, bank and federation
 * loans, grants, expenses, reversals, exits, year ends and distributions — checked against a model
 * after every step (see {@link GroupLife}): the journal invariants hold, members' sub-ledgers add up
 * to their control accounts, cash, bank and every member's savings stay at or above zero, and no
 * money is created or destroyed outside recorded flows.
 *
 * <p>Tries: {@code jqwik.tries.default}; steps per life: {@code -Dshg.group.steps=}.
 */
class GroupLifeProperties {

  private static final int STEPS = Integer.getInteger("shg.group.steps", 80);
  private static GroupLife.Tally tally;

  @BeforeProperty
  void resetTally() {
    tally = new GroupLife.Tally();
  }

  @Property
  void theBooksFollowTheModelThroughAGroupsLife(@ForAll("lives") ActionChain<GroupLife> life) {
    life.run();
  }

  @AfterProperty
  void mostEventsWereAccepted() {
    if (tally.lives == 0 || tally.sawFailure) {
      return;
    }
    long percent = tally.accepted() * 100 / Math.max(1, tally.total());
    System.out.printf("GroupLifeProperties: %d of %d events accepted (%d%%)%n", tally.accepted(), tally.total(), percent);
    assertTrue(percent >= 40, () -> percent + "% of events accepted; " + tally);
    for (String kind : new String[] {"save", "withdraw savings", "bank cash", "reverse", "exit", "year end",
        "distribute", "repay bank loan", "repay federation loan", "grant", "disburse loan", "repay loan", "loan penalty"}) {
      assertTrue(tally.accepted(kind) > 0, () -> "no '" + kind + "' event was accepted; " + tally);
    }
  }

  @Provide
  Arbitrary<ActionChain<GroupLife>> lives() {
    return ActionChain.startWith(() -> new GroupLife(tally))
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
