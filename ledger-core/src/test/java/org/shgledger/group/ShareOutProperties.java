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

  /**
   * A share-out pays each member her savings and her share of the group's own funds, in whole
   * rupees in a group that keeps whole rupees; the grants stay as the group's corpus unless the
   * terms share them too; what rounding leaves stays in the accumulated surplus; nothing is lost.
   */
  @Property(tries = 100)
  void shareOutPaysSavingsAndSharesInWholeRupeesKeepingTheCorpusAndEveryPaisa(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 50_000) Long> rupees,
      @ForAll @LongRange(min = 0, max = 2_000_000) long grantPaise,
      @ForAll @LongRange(min = 0, max = 500_000) long incomePaise,
      @ForAll @LongRange(min = 0, max = 100_000) long expensePaise,
      @ForAll boolean includeGrants) {
    // a group of whole rupees saves whole rupees
    List<Long> savings = rupees.stream().map(r -> r * 100).toList();
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
    long kept = includeGrants ? 0 : grantPaise;
    long shared = grantPaise + incomePaise - expensePaise - kept;
    net.jqwik.api.Assume.that(shared >= 0);
    LocalDate day = later.plusDays(1);

    JournalEntry shareOut = groups.shareOut(SHG, EntryId.of("SO"), day,
        ShareOutTerms.DEFAULT.withIncludeGrants(includeGrants));

    long paidOut = shareOut.postings().stream()
        .filter(p -> p.account().equals(Chart.CASH) || p.account().equals(Chart.BANK))
        .mapToLong(p -> p.amount().getAmountMinorLong()).sum();
    // equity's balance is a credit, its net negative
    long remainder = -groups.journal().balance(SHG, Chart.SURPLUS, day).net().getAmountMinorLong();
    assertEquals(totalSavings + shared, paidOut + remainder, "every paisa is paid out or stays in the surplus");
    assertTrue(remainder >= 0 && remainder < 100L * savings.size(), "rounding leaves less than a rupee a member: " + remainder);
    assertEquals(-kept, groups.journal().balance(SHG, Chart.GRANTS, day).net().getAmountMinorLong(), "the corpus stays");
    long inHand = groups.journal().balance(SHG, Chart.CASH, day).net().getAmountMinorLong()
        + groups.journal().balance(SHG, Chart.BANK, day).net().getAmountMinorLong();
    assertEquals(kept + remainder, inHand, "the group keeps its corpus and the remainder, in cash or bank");
    TrialBalance after = groups.journal().trialBalance(SHG, day);
    for (TrialBalance.Line line : after.lines()) {
      AccountCode code = line.account().code();
      if (!List.of(Chart.CASH, Chart.BANK, Chart.GRANTS, Chart.SURPLUS).contains(code)) {
        assertTrue(line.isZero(), code + " is left with " + line.net());
      }
    }
    long sharesTotal = 0;
    for (int i = 0; i < savings.size(); i++) {
      MemberId member = MemberId.of("M" + i);
      long payout = savings.get(i) + shareOf(shareOut, member);
      assertEquals(0, payout % 100, "member " + i + " is paid whole rupees: " + payout);
      BigDecimal exact = BigDecimal.valueOf(shared).multiply(BigDecimal.valueOf(savings.get(i)))
          .divide(BigDecimal.valueOf(totalSavings), MathContext.DECIMAL128);
      assertTrue(BigDecimal.valueOf(payout - savings.get(i)).subtract(exact).abs().compareTo(BigDecimal.valueOf(101)) < 0,
          "member " + i + "'s share " + (payout - savings.get(i)) + " is within a rupee of " + exact);
      sharesTotal += payout - savings.get(i);
    }
    assertEquals(shared - remainder, sharesTotal, "the shares and the remainder make the own funds shared");
  }

  /** A member's share in a share-out: what the entry credits to her voluntary savings. */
  private static long shareOf(JournalEntry entry, MemberId member) {
    return entry.postings().stream()
        .filter(p -> p.account().equals(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, member))
            && p.side() == org.shgledger.journal.Side.CREDIT)
        .mapToLong(p -> p.amount().getAmountMinorLong()).sum();
  }

  /**
   * A distribution credits every member whole rupees in a group that keeps whole rupees; what
   * that leaves of the total stays in the surplus, less than a rupee a member; nothing is lost.
   */
  @Property(tries = 100)
  void distributionCreditsWholeRupeesAndKeepsTheRestInTheSurplus(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000) Long> savings,
      @ForAll @IntRange(min = 1, max = 1_000_000) int surplusPaise) {
    net.jqwik.api.Assume.that(savings.stream().anyMatch(s -> s > 0));
    SavingsGroups groups = groupWithSavings(savings);
    groups.record(SHG, EntryId.of("I"), START.plusDays(5), new GroupOperation.OtherIncome(Money.ofMinor(INR, surplusPaise), "fees", Channel.CASH));
    groups.closeYear(SHG, EntryId.of("YE"), LocalDate.of(2025, 3, 31));

    JournalEntry entry = groups.distributeSurplus(SHG, EntryId.of("D"), LocalDate.of(2025, 4, 1), Money.ofMinor(INR, surplusPaise));

    long toMembers = 0;
    for (Posting posting : entry.postings()) {
      assertTrue(posting.account().equals(Chart.SURPLUS) || posting.account().value().startsWith("2100:"));
      if (posting.account().value().startsWith("2100:")) {
        assertEquals(0, posting.amount().getAmountMinorLong() % 100, "whole rupees: " + posting);
        toMembers += posting.amount().getAmountMinorLong();
      }
    }
    long left = -groups.journal().balance(SHG, Chart.SURPLUS, LocalDate.of(2025, 4, 1)).net().getAmountMinorLong();
    assertEquals(surplusPaise, toMembers + left, "every paisa is credited or stays in the surplus");
    assertTrue(left >= 0 && left < 100L * savings.size(), "less than a rupee a member stays: " + left);
  }
}
