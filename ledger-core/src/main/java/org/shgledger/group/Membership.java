package org.shgledger.group;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.Account;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;

/**
 * Groups and people: a group and its chart of accounts, members and their sub-ledgers, bank
 * accounts, office bearers' terms and meetings' rolls. Part of {@link SavingsGroups}.
 */
final class Membership extends EnginePart {

  Membership(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    super(journal, registry, unitOfWork);
  }
  Group createGroup(Group group) {
    Objects.requireNonNull(group, "group");
    return atomically(group.code(), () -> {
      Optional<Group> existing = registry.group(group.code());
      if (existing.isPresent()) {
        if (!existing.get().equals(group)) {
          throw new GroupException(GroupRejection.GROUP_EXISTS,
              "group " + group.code() + " exists already as '" + existing.get().name() + "'");
        }
        return existing.get();
      }
      journal.createBook(group.book());
      for (Account account : Chart.standardAccounts(group.code(), group.currency())) {
        journal.openAccount(account);
      }
      registry.putGroup(group);
      return group;
    });
  }

  Member addMember(BookId code, Member member) {
    return atomically(code, () -> {
      Group group = group(code);
      Objects.requireNonNull(member, "member");
      if (member.exited().isPresent()) {
        throw new IllegalArgumentException("a new member cannot have left already; use settleExit");
      }
      Optional<Member> existing = registry.member(code, member.id());
      if (existing.isPresent()) {
        Member known = existing.get();
        if (known.exited().isPresent()) {
          throw new GroupException(GroupRejection.MEMBER_HAS_LEFT,
              "group " + code + ": member " + member.id() + " left on " + known.exited().get()
                  + "; a returning member gets a new id");
        }
        if (!known.name().equals(member.name()) || known.category() != member.category()
            || !known.joined().equals(member.joined())) {
          throw new GroupException(GroupRejection.MEMBER_EXISTS,
              "group " + code + ": member " + member.id() + " exists already with another record");
        }
        if (member.bankAccount().isPresent() && !member.bankAccount().equals(known.bankAccount())) {
          return setBankAccount(code, member.id(), member.bankAccount().get());
        }
        return known;
      }
      for (Account account : Chart.memberAccounts(code, group.currency(), member.id())) {
        journal.openAccount(account);
      }
      registry.putMember(code, member);
      return member;
    });
  }

  Member setBankAccount(BookId code, MemberId memberId, MemberBankAccount account) {
    return atomically(code, () -> {
      Member member = member(code, memberId).withBankAccount(Objects.requireNonNull(account, "account"));
      registry.putMember(code, member);
      return member;
    });
  }

  BearerTerm elect(BookId code, BearerTerm term) {
    return atomically(code, () -> {
      Objects.requireNonNull(term, "term");
      Member member = member(code, term.member());
      requireMemberOn(code, member, term.from());
      for (BearerTerm other : registry.terms(code)) {
        if (other.equals(term)) {
          return other;
        }
        if (other.role() == term.role() && other.overlaps(term)) {
          throw new GroupException(GroupRejection.OFFICE_TAKEN,
              "group " + code + ": " + other.member() + " is " + other.role().name().toLowerCase()
                  + " from " + other.from() + " to " + other.to() + ", overlapping " + term.from() + " to " + term.to());
        }
      }
      registry.addTerm(code, term);
      return term;
    });
  }

  Map<Role, MemberId> bearersOn(BookId code, LocalDate date) {
    group(code);
    Map<Role, MemberId> holders = new EnumMap<>(Role.class);
    for (BearerTerm term : registry.terms(code)) {
      if (term.covers(date)) {
        holders.put(term.role(), term.member());
      }
    }
    return holders;
  }

  Meeting recordMeeting(Meeting meeting) {
    Objects.requireNonNull(meeting, "meeting");
    return atomically(meeting.group(), () -> {
      group(meeting.group());
      for (MemberId id : meeting.attendance().keySet()) {
        Optional<Member> member = registry.member(meeting.group(), id);
        if (member.isEmpty() || !member.get().isMemberOn(meeting.date())) {
          throw new GroupException(GroupRejection.ATTENDANCE_OF_NON_MEMBER,
              "group " + meeting.group() + ", meeting of " + meeting.date() + ": " + id
                  + " was not a member that day");
        }
      }
      Optional<Meeting> existing = registry.meeting(meeting.group(), meeting.date());
      if (existing.isPresent()) {
        if (!existing.get().equals(meeting)) {
          throw new GroupException(GroupRejection.MEETING_EXISTS,
              "group " + meeting.group() + ": the meeting of " + meeting.date() + " is recorded already with another roll");
        }
        return existing.get();
      }
      registry.putMeeting(meeting);
      return meeting;
    });
  }
}
