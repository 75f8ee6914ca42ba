package org.shgledger.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.journal.BookId;

/** A {@link LivelihoodRegister} in memory, for tests and in-memory books. Thread-safe. */
public final class InMemoryLivelihoodRegister implements LivelihoodRegister {

  private final Map<BookId, TreeMap<LivelihoodId, Livelihood>> livelihoods = new HashMap<>();

  /** Creates an empty register. */
  public InMemoryLivelihoodRegister() {}

  @Override
  public synchronized Optional<Livelihood> livelihood(BookId group, LivelihoodId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(of(group).get(id));
  }

  @Override
  public synchronized List<Livelihood> livelihoods(BookId group) {
    return List.copyOf(of(group).values());
  }

  @Override
  public synchronized void addLivelihood(BookId group, Livelihood livelihood) {
    Objects.requireNonNull(livelihood, "livelihood");
    if (of(group).putIfAbsent(livelihood.id(), livelihood) != null) {
      throw new IllegalStateException("activity " + livelihood.id() + " of " + group + " is recorded already");
    }
  }

  @Override
  public synchronized void addReading(BookId group, LivelihoodId id, IncomeReading reading) {
    Livelihood livelihood = livelihood(group, id).orElseThrow(
        () -> new IllegalStateException("there is no activity " + id + " of " + group));
    of(group).put(id, livelihood.with(reading));
  }

  private TreeMap<LivelihoodId, Livelihood> of(BookId group) {
    Objects.requireNonNull(group, "group");
    return livelihoods.computeIfAbsent(group, g -> new TreeMap<>());
  }
}
