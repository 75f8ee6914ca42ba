package org.shgledger.programme;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.group.LoanId;
import org.shgledger.journal.BookId;

/**
 * A {@link ProgrammeRegister} in memory, for tests and for programs that keep their books in an
 * {@link org.shgledger.journal.InMemoryJournal}. Its pseudonym secret is made when it is created
 * and lives as long as it does. Thread-safe: every method is synchronized.
 */
public final class InMemoryProgrammeRegister implements ProgrammeRegister {

  private final Map<BookId, TreeMap<ChildKey, Child>> children = new HashMap<>();
  private final Map<BookId, Map<TrainingId, Training>> trainings = new HashMap<>();
  private final Map<BookId, TreeMap<LoanId, LoanPurpose>> purposes = new HashMap<>();
  private final byte[] secret = new byte[32];
  private final InMemoryIncidentRegister incidents = new InMemoryIncidentRegister();
  private final InMemoryLivelihoodRegister livelihoods = new InMemoryLivelihoodRegister();
  private final InMemoryOutreachRegister outreach = new InMemoryOutreachRegister();

  /** Creates an empty register with a new random pseudonym secret. */
  public InMemoryProgrammeRegister() {
    new SecureRandom().nextBytes(secret);
  }

  @Override
  public synchronized Optional<Child> child(BookId group, ChildKey key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(childrenOf(group).get(key));
  }

  @Override
  public synchronized List<Child> children(BookId group) {
    return List.copyOf(childrenOf(group).values());
  }

  @Override
  public synchronized void addChild(BookId group, Child child) {
    Objects.requireNonNull(child, "child");
    if (childrenOf(group).putIfAbsent(child.key(), child) != null) {
      throw new IllegalStateException("group " + group + ": child " + child.key() + " is registered already");
    }
  }

  @Override
  public synchronized void addSchoolStatus(BookId group, ChildKey key, SchoolStatusChange change) {
    Objects.requireNonNull(change, "change");
    Child child = child(group, key).orElseThrow(
        () -> new IllegalStateException("group " + group + ": there is no child " + key));
    List<SchoolStatusChange> longer = new ArrayList<>(child.statuses());
    longer.add(change);
    childrenOf(group).put(key, new Child(key, child.member(), child.birthYear(), longer));
  }

  @Override
  public synchronized Optional<Training> training(BookId group, TrainingId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(trainingsOf(group).get(id));
  }

  @Override
  public synchronized List<Training> trainings(BookId group) {
    List<Training> sorted = new ArrayList<>(trainingsOf(group).values());
    sorted.sort(Comparator.comparing(Training::date).thenComparing(Training::id));
    return List.copyOf(sorted);
  }

  @Override
  public synchronized void addTraining(BookId group, Training training) {
    Objects.requireNonNull(training, "training");
    if (trainingsOf(group).putIfAbsent(training.id(), training) != null) {
      throw new IllegalStateException("group " + group + ": training " + training.id() + " is recorded already");
    }
  }

  @Override
  public synchronized Optional<LoanPurpose> loanPurpose(BookId group, LoanId loan) {
    Objects.requireNonNull(loan, "loan");
    return Optional.ofNullable(purposesOf(group).get(loan));
  }

  @Override
  public synchronized Map<LoanId, LoanPurpose> loanPurposes(BookId group) {
    return Collections.unmodifiableMap(new TreeMap<>(purposesOf(group)));
  }

  @Override
  public synchronized void putLoanPurpose(BookId group, LoanId loan, LoanPurpose purpose) {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(purpose, "purpose");
    purposesOf(group).put(loan, purpose);
  }

  @Override
  public synchronized byte[] pseudonymSecret() {
    return secret.clone();
  }

  private TreeMap<ChildKey, Child> childrenOf(BookId group) {
    return children.computeIfAbsent(Objects.requireNonNull(group, "group"), g -> new TreeMap<>());
  }

  private Map<TrainingId, Training> trainingsOf(BookId group) {
    return trainings.computeIfAbsent(Objects.requireNonNull(group, "group"), g -> new HashMap<>());
  }

  private TreeMap<LoanId, LoanPurpose> purposesOf(BookId group) {
    return purposes.computeIfAbsent(Objects.requireNonNull(group, "group"), g -> new TreeMap<>());
  }

  @Override
  public InMemoryIncidentRegister incidents() {
    return incidents;
  }

  @Override
  public InMemoryLivelihoodRegister livelihoods() {
    return livelihoods;
  }

  @Override
  public InMemoryOutreachRegister outreach() {
    return outreach;
  }
}
