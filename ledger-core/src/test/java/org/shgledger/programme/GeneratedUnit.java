package org.shgledger.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * A unit of groups generated from a seed, built through the engine and the programme's registers
 * like any treasurer's books, which counts as it builds what every indicator must come to on
 * {@link #AS_OF}. The counting here is its own: it never asks the code under test.
 *
 * <p>Each group: formed April 2024; a grant of 50,000 in cash; 4 to 12 adult members and 0 to 3
 * adolescent ones, a few joining in May 2025; monthly meetings on the 5th where every member
 * saves 100, except the "irregular" ones, who skip May 2025; some members open bank accounts (a
 * few only after the report's day); loans of 1,000 flat 2 %/month in 5 instalments of 220 paid
 * out on 10 October 2024, each repaid in 0 to 5 instalments on their due dates, most with a
 * purpose; children with school statuses, some changed only after the report's day; trainings
 * on two topics, one after the report's day. One more group is formed after the report's day
 * and must not count at all.
 */
final class GeneratedUnit {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  static final LocalDate LENT = LocalDate.of(2024, 10, 10);
  static final TrainingTopic ORIENTATION = TrainingTopic.of("orientation");
  static final TrainingTopic RIGHTS = TrainingTopic.of("human-rights");
  private static final String[] GIVEN = {"Sunita", "Rekha", "Pooja", "Anjali", "Kavita", "Meena", "Savitri",
      "Lalita", "Radha", "Geeta", "Shabnam", "Rukhsana", "Parvati", "Kamla", "Bimla"};

  final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  final Programme programme = new Programme(groups, new InMemoryProgrammeRegister());
  final List<BookId> codes = new ArrayList<>();
  final Set<String> names = new HashSet<>();
  final Set<String> accountNumbers = new HashSet<>();

  long groupsCounted;
  final Map<MemberCategory, Long> members = new EnumMap<>(MemberCategory.class);
  long withBankAccount;
  long savers;
  long loans;
  final Map<LoanPurpose, Long> loansByPurpose = new EnumMap<>(LoanPurpose.class);
  long loansWithoutPurpose;
  long loansRepaid;
  Money disbursed = Money.zero(INR);
  Money principalRepaid = Money.zero(INR);
  Money livelihood = Money.zero(INR);
  Money demand = Money.zero(INR);
  Money collected = Money.zero(INR);
  final Map<SchoolStatus, Long> children = new EnumMap<>(SchoolStatus.class);
  long childrenOfSchoolAge;
  final Map<MemberCategory, Long> trained = new EnumMap<>(MemberCategory.class);
  final Map<TrainingTopic, Long> trainedByTopic = new TreeMap<>();

  private final Random random;

  GeneratedUnit(long seed, int groupCount) {
    random = new Random(seed);
    for (int g = 1; g <= groupCount; g++) {
      group(BookId.of(String.format("SHG%03d", g)), true);
    }
    // formed after the report's day: nothing of it counts
    group(BookId.of("SHGLATE"), false);
  }

  private void group(BookId code, boolean counted) {
    LocalDate formed = counted ? FORMED : AS_OF.plusMonths(1);
    groups.createGroup(new Group(code, "Mahila Samooh " + code, INR, formed, MeetingFrequency.MONTHLY, rupees(100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5)));
    codes.add(code);
    if (counted) {
      groupsCounted++;
    }
    groups.record(code, EntryId.of("GRANT"), formed, new GroupOperation.ReceiveGrant(rupees(50_000), Channel.CASH));
    int adults = 4 + random.nextInt(9);
    int adolescents = random.nextInt(4);
    List<Member> roster = new ArrayList<>();
    Set<MemberId> irregular = new HashSet<>();
    for (int m = 1; m <= adults + adolescents; m++) {
      MemberId id = MemberId.of(String.format("M%02d", m));
      MemberCategory category = m <= adults ? MemberCategory.ADULT_WOMAN : MemberCategory.ADOLESCENT_GIRL;
      boolean late = random.nextInt(8) == 0;
      // a group formed after the report's day has no late joiners: nobody joins before her group is formed
      LocalDate joined = late && counted ? LocalDate.of(2025, 5, 15) : formed;
      String name = GIVEN[random.nextInt(GIVEN.length)] + " " + code.value().toLowerCase() + "x" + m + "wala";
      names.add(name);
      Member member = groups.addMember(code, Member.joining(id, name, category, joined));
      roster.add(member);
      if (counted) {
        members.merge(category, 1L, Long::sum);
      }
      int account = random.nextInt(3);
      if (account > 0) {
        String number = String.valueOf(1_000_000_000L + random.nextInt(900_000_000));
        accountNumbers.add(number);
        LocalDate opened = account == 1 ? LocalDate.of(2024, 6, 1) : AS_OF.plusDays(15);
        groups.setBankAccount(code, id, MemberBankAccount.of("State Bank of India", "SBIN0001234", number, opened));
        if (counted && account == 1) {
          withBankAccount++;
        }
      }
      if (random.nextInt(4) == 0) {
        irregular.add(id);
      }
      if (counted && !late && !irregular.contains(id)) {
        savers++;
      }
    }
    for (LocalDate meeting = formed.withDayOfMonth(5); !meeting.isAfter(AS_OF.plusMonths(2));
        meeting = meeting.plusMonths(1)) {
      for (Member member : roster) {
        boolean skips = irregular.contains(member.id()) && meeting.equals(LocalDate.of(2025, 5, 5));
        if (member.isMemberOn(meeting) && !skips) {
          groups.record(code, EntryId.of("S-" + meeting + "-" + member.id()), meeting,
              new GroupOperation.Save(member.id(), SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
        }
      }
    }
    if (counted) {
      loans(code, roster);
      children(code, roster);
      trainings(code, roster);
    }
  }

  private void loans(BookId code, List<Member> roster) {
    for (Member member : roster) {
      if (!member.joined().equals(FORMED) || random.nextInt(3) == 0) {
        continue;
      }
      LoanId loan = LoanId.of("L-" + member.id());
      groups.disburseLoan(code, EntryId.of("LD-" + member.id()), loan, member.id(),
          LoanTerms.of(rupees(1_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
              Frequency.MONTHLY, LENT),
          Channel.CASH);
      loans++;
      disbursed = disbursed.plus(rupees(1_000));
      demand = demand.plus(rupees(5 * 220));
      int paid = random.nextInt(6);
      for (int i = 1; i <= paid; i++) {
        groups.repayLoan(code, EntryId.of("LP-" + member.id() + "-" + i), loan, LENT.plusMonths(i), rupees(220),
            Channel.CASH);
      }
      principalRepaid = principalRepaid.plus(rupees(200L * paid));
      collected = collected.plus(rupees(220L * paid));
      if (paid == 5) {
        loansRepaid++;
      }
      int purpose = random.nextInt(LoanPurpose.values().length + 1);
      if (purpose == LoanPurpose.values().length) {
        loansWithoutPurpose++;
      } else {
        LoanPurpose chosen = LoanPurpose.values()[purpose];
        programme.setLoanPurpose(code, loan, chosen);
        loansByPurpose.merge(chosen, 1L, Long::sum);
        if (chosen == LoanPurpose.LIVELIHOOD) {
          livelihood = livelihood.plus(rupees(1_000));
        }
      }
    }
  }

  private void children(BookId code, List<Member> roster) {
    for (Member member : roster) {
      int count = random.nextInt(3);
      for (int c = 1; c <= count; c++) {
        ChildKey key = ChildKey.of(member.id() + "-C" + c);
        int birthYear = 2008 + random.nextInt(17);
        LocalDate registered = member.joined().plusDays(random.nextInt(30));
        SchoolStatus first = SchoolStatus.values()[random.nextInt(SchoolStatus.values().length)];
        programme.registerChild(code, key, member.id(), birthYear, new SchoolStatusChange(registered, first));
        SchoolStatus onTheDay = first;
        if (random.nextBoolean()) {
          SchoolStatus next = SchoolStatus.values()[random.nextInt(SchoolStatus.values().length)];
          LocalDate changed = random.nextBoolean() ? LocalDate.of(2025, 1, 15) : AS_OF.plusDays(1);
          if (changed.isAfter(registered)) {
            programme.recordSchoolStatus(code, key, new SchoolStatusChange(changed, next));
            if (!changed.isAfter(AS_OF)) {
              onTheDay = next;
            }
          }
        }
        children.merge(onTheDay, 1L, Long::sum);
        int age = AS_OF.getYear() - birthYear;
        if (age >= 6 && age <= 14) {
          childrenOfSchoolAge++;
        }
      }
    }
  }

  private void trainings(BookId code, List<Member> roster) {
    Set<MemberId> anyTraining = new HashSet<>();
    Map<TrainingTopic, Set<MemberId>> byTopic = new TreeMap<>();
    int session = 0;
    for (LocalDate date : List.of(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 2, 1), AS_OF.plusDays(10))) {
      for (TrainingTopic topic : List.of(ORIENTATION, RIGHTS)) {
        List<MemberId> attendees = roster.stream()
            .filter(member -> member.isMemberOn(date) && random.nextInt(3) == 0)
            .map(Member::id)
            .toList();
        if (attendees.isEmpty()) {
          continue;
        }
        programme.recordTraining(code, new Training(TrainingId.of("T" + ++session), topic, date, attendees));
        if (!date.isAfter(AS_OF)) {
          anyTraining.addAll(attendees);
          byTopic.computeIfAbsent(topic, t -> new HashSet<>()).addAll(attendees);
        }
      }
    }
    for (Member member : roster) {
      if (anyTraining.contains(member.id())) {
        trained.merge(member.category(), 1L, Long::sum);
      }
    }
    byTopic.forEach((topic, people) -> trainedByTopic.merge(topic, (long) people.size(), Long::sum));
  }

  static Money rupees(long amount) {
    return Money.of(INR, BigDecimal.valueOf(amount));
  }
}
