package org.shgledger.group;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shgledger.journal.BookId;

/** A registry that passes every call on; tests override a method to make it fail. */
public class ForwardingRegistry implements GroupRegistry {

  private final GroupRegistry delegate;

  /**
   * Creates a registry passing every call on.
   *
   * @param delegate the registry that answers, not null
   */
  public ForwardingRegistry(GroupRegistry delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Group> group(BookId code) {
    return delegate.group(code);
  }

  @Override
  public List<Group> groups() {
    return delegate.groups();
  }

  @Override
  public void putGroup(Group group) {
    delegate.putGroup(group);
  }

  @Override
  public Optional<Member> member(BookId group, MemberId member) {
    return delegate.member(group, member);
  }

  @Override
  public List<Member> members(BookId group) {
    return delegate.members(group);
  }

  @Override
  public void putMember(BookId group, Member member) {
    delegate.putMember(group, member);
  }

  @Override
  public List<BearerTerm> terms(BookId group) {
    return delegate.terms(group);
  }

  @Override
  public void addTerm(BookId group, BearerTerm term) {
    delegate.addTerm(group, term);
  }

  @Override
  public Optional<Meeting> meeting(BookId group, LocalDate date) {
    return delegate.meeting(group, date);
  }

  @Override
  public List<Meeting> meetings(BookId group) {
    return delegate.meetings(group);
  }

  @Override
  public void putMeeting(Meeting meeting) {
    delegate.putMeeting(meeting);
  }

  @Override
  public Optional<MemberLoan> loan(BookId group, LoanId loan) {
    return delegate.loan(group, loan);
  }

  @Override
  public List<MemberLoan> loans(BookId group) {
    return delegate.loans(group);
  }

  @Override
  public void putLoan(BookId group, MemberLoan loan) {
    delegate.putLoan(group, loan);
  }

  @Override
  public List<LoanEvent> loanEvents(BookId group, LoanId loan) {
    return delegate.loanEvents(group, loan);
  }

  @Override
  public java.util.Map<LoanId, List<LoanEvent>> loanEvents(BookId group) {
    return delegate.loanEvents(group);
  }

  @Override
  public void addLoanEvent(BookId group, LoanId loan, LoanEvent event) {
    delegate.addLoanEvent(group, loan, event);
  }

  @Override
  public List<BankLoan> bankLoans(BookId group) {
    return delegate.bankLoans(group);
  }

  @Override
  public void putBankLoan(BookId group, BankLoan loan) {
    delegate.putBankLoan(group, loan);
  }
}
