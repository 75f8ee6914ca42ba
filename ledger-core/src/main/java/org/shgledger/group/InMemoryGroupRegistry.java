package org.shgledger.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.journal.BookId;

/** A {@link GroupRegistry} in memory, for tests, demos and short-lived calculations. */
public final class InMemoryGroupRegistry implements GroupRegistry {

  private final Map<BookId, Group> groups = new TreeMap<>();
  private final Map<BookId, Map<MemberId, Member>> members = new TreeMap<>();
  private final Map<BookId, List<BearerTerm>> terms = new TreeMap<>();
  private final Map<BookId, Map<LocalDate, Meeting>> meetings = new TreeMap<>();
  private final Map<BookId, Map<LoanId, MemberLoan>> loans = new TreeMap<>();
  private final Map<BookId, Map<LoanId, List<LoanEvent>>> loanEvents = new TreeMap<>();
  private final Map<BookId, Map<org.shgledger.journal.EntryId, BankLoan>> bankLoans = new TreeMap<>();

  /** Creates an empty registry. */
  public InMemoryGroupRegistry() {}

  @Override
  public synchronized Optional<Group> group(BookId code) {
    return Optional.ofNullable(groups.get(Objects.requireNonNull(code, "code")));
  }

  @Override
  public synchronized List<Group> groups() {
    return List.copyOf(groups.values());
  }

  @Override
  public synchronized void putGroup(Group group) {
    groups.put(group.code(), group);
  }

  @Override
  public synchronized Optional<Member> member(BookId group, MemberId member) {
    return Optional.ofNullable(members.getOrDefault(group, Map.of()).get(member));
  }

  @Override
  public synchronized List<Member> members(BookId group) {
    return List.copyOf(members.getOrDefault(group, Map.of()).values());
  }

  @Override
  public synchronized void putMember(BookId group, Member member) {
    members.computeIfAbsent(group, g -> new TreeMap<>()).put(member.id(), member);
  }

  @Override
  public synchronized List<BearerTerm> terms(BookId group) {
    return List.copyOf(terms.getOrDefault(group, List.of()));
  }

  @Override
  public synchronized void addTerm(BookId group, BearerTerm term) {
    terms.computeIfAbsent(group, g -> new ArrayList<>()).add(Objects.requireNonNull(term, "term"));
  }

  @Override
  public synchronized Optional<Meeting> meeting(BookId group, LocalDate date) {
    return Optional.ofNullable(meetings.getOrDefault(group, Map.of()).get(date));
  }

  @Override
  public synchronized List<Meeting> meetings(BookId group) {
    return List.copyOf(meetings.getOrDefault(group, Map.of()).values());
  }

  @Override
  public synchronized void putMeeting(Meeting meeting) {
    meetings.computeIfAbsent(meeting.group(), g -> new TreeMap<>()).put(meeting.date(), meeting);
  }

  @Override
  public synchronized Optional<MemberLoan> loan(BookId group, LoanId loan) {
    return Optional.ofNullable(loans.getOrDefault(group, Map.of()).get(loan));
  }

  @Override
  public synchronized List<MemberLoan> loans(BookId group) {
    return List.copyOf(loans.getOrDefault(group, Map.of()).values());
  }

  @Override
  public synchronized void putLoan(BookId group, MemberLoan loan) {
    loans.computeIfAbsent(group, g -> new TreeMap<>()).put(loan.id(), loan);
  }

  @Override
  public synchronized List<LoanEvent> loanEvents(BookId group, LoanId loan) {
    return List.copyOf(loanEvents.getOrDefault(group, Map.of()).getOrDefault(loan, List.of()));
  }

  @Override
  public synchronized Map<LoanId, List<LoanEvent>> loanEvents(BookId group) {
    Map<LoanId, List<LoanEvent>> events = new TreeMap<>();
    loanEvents.getOrDefault(group, Map.of()).forEach((loan, ofLoan) -> {
      if (!ofLoan.isEmpty()) {
        events.put(loan, List.copyOf(ofLoan));
      }
    });
    return events;
  }

  @Override
  public synchronized void addLoanEvent(BookId group, LoanId loan, LoanEvent event) {
    loanEvents.computeIfAbsent(group, g -> new TreeMap<>())
        .computeIfAbsent(loan, l -> new ArrayList<>())
        .add(Objects.requireNonNull(event, "event"));
  }

  @Override
  public synchronized List<BankLoan> bankLoans(BookId group) {
    List<BankLoan> loans = new ArrayList<>(bankLoans.getOrDefault(group, Map.of()).values());
    loans.sort(BankLoan.RECEIVED_ORDER);
    return List.copyOf(loans);
  }

  @Override
  public synchronized void putBankLoan(BookId group, BankLoan loan) {
    Objects.requireNonNull(loan, "loan");
    // the first terms of a receipt stay, as the database keeps them: a repeat writes nothing
    bankLoans.computeIfAbsent(group, g -> new TreeMap<>()).putIfAbsent(loan.receipt(), loan);
  }
}
