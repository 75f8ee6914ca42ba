package org.shgledger.programme;

import java.util.List;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * Where a group's income-generating activities are kept beside its books, with their income
 * readings. {@link Livelihoods} checks the rules before it writes; records are only added, never
 * changed or removed. Implementations: {@link InMemoryLivelihoodRegister}, and {@code
 * org.shgledger.store.JdbcLivelihoodRegister} in the same database as the books.
 */
public interface LivelihoodRegister {

  /**
   * An activity of a group.
   *
   * @param group the group, not null
   * @param id the activity's id, not null
   * @return the activity with its readings, or empty
   */
  Optional<Livelihood> livelihood(BookId group, LivelihoodId id);

  /**
   * Every activity of a group, in id order.
   *
   * @param group the group, not null
   * @return the activities, not null
   */
  List<Livelihood> livelihoods(BookId group);

  /**
   * Records an activity whose id is not yet recorded in the group, with its readings.
   *
   * @param group the group, not null
   * @param livelihood the activity, not null
   */
  void addLivelihood(BookId group, Livelihood livelihood);

  /**
   * Adds an income reading to a recorded activity.
   *
   * @param group the group, not null
   * @param id the activity's id, not null
   * @param reading the reading, not null
   */
  void addReading(BookId group, LivelihoodId id, IncomeReading reading);
}
