package org.shgledger.importing.books;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/** A group for the combined import's tests, and what its books hold. */
final class YearBooks {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final List<MemberId> MEMBERS =
      List.of(MemberId.of("M01"), MemberId.of("M02"), MemberId.of("M03"), MemberId.of("M04"));

  private YearBooks() {}

  /** Formed 1 April 2024, monthly, loans at 2% a month flat over 10 instalments. */
  static Group group(BookId code) {
    return new Group(code, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1), MeetingFrequency.MONTHLY,
        Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
  }

  /** Creates the group with members M01 to M04, who joined on 1 April 2024. */
  static void create(SavingsGroups groups, BookId code) {
    groups.createGroup(group(code));
    for (MemberId member : MEMBERS) {
      groups.addMember(code, Member.joining(member, "Member " + member, MemberCategory.ADULT_WOMAN,
          LocalDate.of(2024, 4, 1)));
    }
  }

  static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  static Path write(Path directory, String name, String text) {
    try {
      return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything a group's books hold, each entry, member, meeting, loan and loan event as text,
   * sorted: two books that hold the same things give the same list whatever order they were
   * recorded in.
   */
  static List<String> snapshot(LedgerStore store, BookId code) {
    List<String> all = new ArrayList<>();
    store.journal().entries(code).forEach(entry -> all.add(entry.toString()));
    store.registry().members(code).forEach(member -> all.add(member.toString()));
    store.registry().meetings(code).forEach(meeting -> all.add(meeting.toString()));
    store.registry().loans(code).forEach(loan -> {
      all.add(loan.toString());
      store.registry().loanEvents(code, loan.id()).forEach(event -> all.add(loan.id() + " " + event));
    });
    all.sort(null);
    return all;
  }
}
