package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.InterestRate;
import org.shgledger.money.RoundingPolicy;

/** Distribution and share-out allocate every paisa, in proportion to savings. */
class ShareOutProperties {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate START = LocalDate.of(2024, 4, 1);

  static SavingsGroups groupWithSavings(List<Long> savingsPaise) {
    SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    groups.createGroup(new Group(SHG, "Roshni", INR, START, MeetingFrequency.MONTHLY, Money.of(INR, 100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.open(InterestRate.perMonth(BigDecimal.ONE))));
    for (int i = 0; i < savingsPaise.size(); i++) {
      MemberId member = MemberId.of("M" + i);
      groups.addMember(SHG, Member.joining(member, "Member " + i, MemberCategory.ADULT_WOMAN, START));
      if (savingsPaise.get(i) > 0) {
        SavingsKind kind = i % 2 == 0 ? SavingsKind.COMPULSORY : SavingsKind.VOLUNTARY;
        groups.record(SHG, EntryId.of("S" + i), START,
            new GroupOperation.Save(member, kind, Money.ofMinor(INR, savingsPaise.get(i)), Channel.CASH));
      }
    }
    return groups;
  }

  @Property(tries = 100)
  void shareOutPaysTheWholeFundEveryPaisaInProportionToSavings(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000) Long> savings,
      @ForAll @LongRange(min = 0, max = 2_000_000) long grantPaise,
      @ForAll @LongRange(min = 0, max = 500_000) long incomePaise,
      @ForAll @LongRange(min = 0, max = 100_000) long expensePaise) {
    long totalSavings = savings.stream().mapToLong(Long::longValue).sum();
    net.jqwik.api.Assume.that(totalSavings > 0 && expensePaise <= totalSavings + grantPaise + incomePaise);
    SavingsGroups groups = groupWithSavings(savings);
    LocalDate later = START.plusDays(30);
    if (grantPaise > 0) {
      groups.record(SHG, EntryId.of("G"), later, new GroupOperation.ReceiveGrant(Money.ofMinor(INR, grantPaise), Channel.BANK));
    }
    if (incomePaise > 0) {
      groups.record(SHG, EntryId.of("I"), later, new GroupOperation.OtherIncome(Money.ofMinor(INR, incomePaise), "fees", Channel.CASH));
    }
    if (expensePaise > 0) {
      Channel channel = expensePaise <= totalSavings + incomePaise ? Channel.CASH : Channel.BANK;
      net.jqwik.api.Assume.that(channel == Channel.CASH || expensePaise <= grantPaise);
      groups.record(SHG, EntryId.of("X"), later, new GroupOperation.PayExpense(Money.ofMinor(INR, expensePaise), "costs", channel));
    }
    long ownFunds = grantPaise + incomePaise - expensePaise;
    long fund = totalSavings + ownFunds;

    JournalEntry shareOut = groups.shareOut(SHG, EntryId.of("SO"), later.plusDays(1));

    long paidOut = shareOut.postings().stream()
        .filter(p -> p.account().equals(Chart.CASH) || p.account().equals(Chart.BANK))
        .mapToLong(p -> p.amount().getAmountMinorLong()).sum();
    assertEquals(fund, paidOut, "the whole fund is paid out");
    TrialBalance after = groups.journal().trialBalance(SHG, later.plusDays(1));
    after.lines().forEach(line -> assertTrue(line.isZero(), line.account().code() + " is left with " + line.net()));
    long sharesTotal = 0;
    for (int i = 0; i < savings.size(); i++) {
      AccountCode voluntary = Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, MemberId.of("M" + i));
      long share = shareOut.postings().stream()
          .filter(p -> p.account().equals(voluntary) && p.side() == org.shgledger.journal.Side.CREDIT)
          .mapToLong(p -> p.amount().getAmountMinorLong()).sum();
      if (ownFunds >= 0) {
        BigDecimal exact = BigDecimal.valueOf(ownFunds).multiply(BigDecimal.valueOf(savings.get(i)))
            .divide(BigDecimal.valueOf(totalSavings), MathContext.DECIMAL128);
        assertTrue(BigDecimal.valueOf(share).subtract(exact).abs().compareTo(BigDecimal.ONE) < 0,
            "member " + i + "'s share " + share + " is within a paisa of " + exact);
        sharesTotal += share;
      }
    }
    if (ownFunds >= 0) {
      assertEquals(ownFunds, sharesTotal, "the shares add up to the group's own funds exactly");
    }
  }

  @Property(tries = 100)
  void distributionAllocatesEveryPaisaOfTheSurplus(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000) Long> savings,
      @ForAll @IntRange(min = 1, max = 1_000_000) int surplusPaise) {
    net.jqwik.api.Assume.that(savings.stream().anyMatch(s -> s > 0));
    SavingsGroups groups = groupWithSavings(savings);
    groups.record(SHG, EntryId.of("I"), START.plusDays(5), new GroupOperation.OtherIncome(Money.ofMinor(INR, surplusPaise), "fees", Channel.CASH));
    groups.closeYear(SHG, EntryId.of("YE"), LocalDate.of(2025, 3, 31));

    JournalEntry entry = groups.distributeSurplus(SHG, EntryId.of("D"), LocalDate.of(2025, 4, 1), Money.ofMinor(INR, surplusPaise));

    long credited = entry.postings().stream().filter(p -> p.side() == org.shgledger.journal.Side.CREDIT)
        .mapToLong(p -> p.amount().getAmountMinorLong()).sum();
    assertEquals(surplusPaise, credited);
    assertTrue(groups.journal().balance(SHG, Chart.SURPLUS, LocalDate.of(2025, 4, 1)).net().isZero());
    for (Posting posting : entry.postings()) {
      assertTrue(posting.account().equals(Chart.SURPLUS) || posting.account().value().startsWith("2100:"));
    }
  }
}
