package org.shgledger.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.report.BalanceSheet;
import org.shgledger.report.LoanPortfolio;
import org.shgledger.report.ReportLine;
import org.shgledger.report.Reports;

/**
 * Grades groups on a Panchasutra scorecard ({@link Scorecard}) under a {@link GradingPolicy}, and
 * says whether each is ready for a bank loan. The definitions are in docs/units.md; in short, each
 * {@link Measure} scores from 0 to 1:
 *
 * <ul>
 *   <li>meetings: held ÷ expected, at most 1 (1 when none were expected);
 *   <li>attendance: places attended ÷ places at the meetings held (0 when none was held);
 *   <li>savings: the share of members who saved at every meeting held while they were members;
 *   <li>lending: (loans outstanding ÷ corpus) ÷ the policy's target, at most 1;
 *   <li>repayment: collection ÷ demand on members' loans in the period (1 when nothing was due);
 *   <li>books: 1 when the last entry (a year-end closing aside) is at most {@code booksCurrentDays}
 *       before the period's end, 0 from {@code booksStaleDays}, a straight line between.
 * </ul>
 *
 * <p>The score is the weighted mean × 100, rounded half up to one decimal; ratios are rounded half
 * up to four decimals. Each group is read as one unit of work, so its figures are of one state of
 * its books.
 */
public final class Grading {

  /** The decimal places of ratios and measure scores. */
  public static final int RATIO_SCALE = 4;

  /** The decimal places of a score. */
  public static final int SCORE_SCALE = 1;

  private static final BigDecimal ONE = BigDecimal.ONE.setScale(RATIO_SCALE);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(RATIO_SCALE);

  private final Units units;
  private final Reports reports;

  /**
   * Creates the grading over units and their engine.
   *
   * @param units the units, not null
   */
  public Grading(Units units) {
    this.units = Objects.requireNonNull(units, "units");
    this.reports = new Reports(units.groups());
  }

  /**
   * The scorecards of every group in a unit and the units under it, in group-code order.
   *
   * @param unit the unit, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @param policy the policy, not null
   * @return the scorecards, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public List<Scorecard> scorecards(UnitCode unit, LocalDate from, LocalDate to, GradingPolicy policy) {
    List<Scorecard> cards = new ArrayList<>();
    for (BookId group : units.groupsUnder(unit)) {
      cards.add(scorecard(group, from, to, policy));
    }
    return List.copyOf(cards);
  }

  /**
   * A group's scorecard for a period.
   *
   * @param code the group, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @param policy the policy, not null
   * @return the scorecard, not null
   * @throws org.shgledger.group.GroupException {@link
   *     org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Scorecard scorecard(BookId code, LocalDate from, LocalDate to, GradingPolicy policy) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(policy, "policy");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
    }
    SavingsGroups groups = units.groups();
    return groups.atomically(code, () -> grade(groups, groups.group(code), from, to, policy));
  }

  private Scorecard grade(SavingsGroups groups, Group group, LocalDate from, LocalDate to, GradingPolicy policy) {
    BookId code = group.code();
    List<Meeting> allMeetings = groups.registry().meetings(code);
    List<Meeting> meetings = allMeetings.stream().filter(m -> within(m.date(), from, to)).toList();
    List<Member> members = groups.registry().members(code);
    List<JournalEntry> entries = groups.journal().entries(code);

    int memberMeetings = 0;
    int attended = 0;
    for (Meeting meeting : meetings) {
      for (Member member : members) {
        if (member.isMemberOn(meeting.date())) {
          memberMeetings++;
          if (meeting.attendance().containsKey(member.id()) && meeting.attendance().get(member.id()).attended()) {
            attended++;
          }
        }
      }
    }

    Map<MemberId, Map<LocalDate, Money>> saved = compulsorySavingsByDay(group, entries);
    int saversBase = 0;
    int savers = 0;
    for (Member member : members) {
      // the day she leaves she is settled, not expected to save
      List<LocalDate> hers = meetings.stream().map(Meeting::date)
          .filter(d -> member.isMemberOn(d) && !member.exited().equals(Optional.of(d))).toList();
      if (hers.isEmpty()) {
        continue;
      }
      saversBase++;
      Map<LocalDate, Money> days = saved.getOrDefault(member.id(), Map.of());
      if (hers.stream().allMatch(d -> days.containsKey(d) && days.get(d).isPositive())) {
        savers++;
      }
    }

    LoanPortfolio loans = reports.loans(code, to, from);
    BalanceSheet sheet = reports.balanceSheet(code, to);
    Money borrowed = sheet.liabilities().stream()
        .filter(line -> line.code().equals(Chart.BANK_LOAN) || line.code().equals(Chart.FEDERATION_LOAN))
        .map(ReportLine::amount).reduce(Money.zero(group.currency()), Money::plus);
    Money corpus = sheet.totalAssets().minus(borrowed);
    // a year-end closing says the coordinator closed the year, not that the treasurer keeps the books
    Optional<LocalDate> lastEntry = entries.stream().filter(e -> !isYearEndClosing(e)).map(JournalEntry::date)
        .filter(d -> !d.isAfter(to)).max(LocalDate::compareTo);

    int expected = expectedMeetings(group.meetingFrequency(), from.isBefore(group.formed()) ? group.formed() : from, to);
    EnumMap<Measure, BigDecimal> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.MEETINGS, expected == 0 ? ONE : atMostOne(divide(meetings.size(), expected)));
    scores.put(Measure.ATTENDANCE, ratio(attended, memberMeetings).orElse(ZERO));
    scores.put(Measure.SAVINGS, ratio(savers, saversBase).orElse(ZERO));
    scores.put(Measure.LENDING, corpus.isPositive()
        ? atMostOne(divide(loans.totalOutstanding().getAmount(), corpus.getAmount().multiply(policy.lendingTarget())))
        : ZERO);
    scores.put(Measure.REPAYMENT, loans.dcb().demand().isPositive()
        ? divide(loans.dcb().collection().getAmount(), loans.dcb().demand().getAmount())
        : ONE);
    scores.put(Measure.BOOKS, lastEntry.map(d -> booksScore(ChronoUnit.DAYS.between(d, to), policy)).orElse(ZERO));

    BigDecimal weighted = BigDecimal.ZERO;
    for (Measure measure : Measure.values()) {
      weighted = weighted.add(policy.weights().get(measure).multiply(scores.get(measure)));
    }
    BigDecimal score = weighted.multiply(BigDecimal.valueOf(100))
        .divide(policy.totalWeight(), SCORE_SCALE, RoundingMode.HALF_UP);
    Grade grade = policy.grade(score);

    int monthsActive = monthsActive(allMeetings, to);
    boolean eligible = monthsActive >= policy.linkageMonths() && grade.isAtLeast(policy.linkageGrade())
        && corpus.isPositive();
    Money suggested = eligible
        ? corpus.multipliedBy(policy.linkageMultiple(), RoundingMode.DOWN)
        : Money.zero(group.currency());

    return new Scorecard(code, group.name(), group.currency(), from, to, meetings.size(), expected,
        memberMeetings, attended, saversBase, savers, loans.totalOutstanding(), loans.dcb().demand(),
        loans.dcb().collection(), lastEntry, scores, score, grade,
        new Linkage(monthsActive, eligible, corpus, suggested));
  }

  /**
   * Meetings a group of this frequency is expected to hold from {@code start} to {@code end}, both
   * included: whole weeks, whole fortnights, or whole calendar months (1 April to 31 March is 12).
   *
   * @param frequency how often it meets, not null
   * @param start the first day, not null
   * @param end the last day, not null
   * @return the count, 0 if {@code end} is before {@code start}
   */
  public static int expectedMeetings(MeetingFrequency frequency, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      return 0;
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    return switch (frequency) {
      case WEEKLY -> (int) (days / 7);
      case FORTNIGHTLY -> (int) (days / 14);
      case MONTHLY -> (int) Period.between(start, end.plusDays(1)).toTotalMonths();
    };
  }

  /**
   * Consecutive calendar months with a meeting, counted back from the month of {@code asOf}; that
   * month is skipped, not counted as a gap, while it has had no meeting by {@code asOf}.
   *
   * @param meetings the group's meetings, not null
   * @param asOf the day, not null
   * @return the months, 0 or more
   */
  static int monthsActive(List<Meeting> meetings, LocalDate asOf) {
    Set<YearMonth> months = new HashSet<>();
    for (Meeting meeting : meetings) {
      if (!meeting.date().isAfter(asOf)) {
        months.add(YearMonth.from(meeting.date()));
      }
    }
    YearMonth month = YearMonth.from(asOf);
    if (!months.contains(month)) {
      month = month.minusMonths(1);
    }
    int count = 0;
    while (months.contains(month)) {
      count++;
      month = month.minusMonths(1);
    }
    return count;
  }

  /**
   * Each member's compulsory savings credited on each day, corrections counted on the day of the
   * entry they correct: a saving entered by mistake and reversed later leaves nothing on its day.
   */
  private static Map<MemberId, Map<LocalDate, Money>> compulsorySavingsByDay(Group group, List<JournalEntry> entries) {
    Map<EntryId, JournalEntry> byId = new HashMap<>();
    for (JournalEntry entry : entries) {
      byId.put(entry.id(), entry);
    }
    String prefix = Chart.COMPULSORY_SAVINGS.value() + ":";
    Map<MemberId, Map<LocalDate, Money>> saved = new HashMap<>();
    for (JournalEntry entry : entries) {
      LocalDate day = root(entry, byId).date();
      for (Posting posting : entry.postings()) {
        AccountCode account = posting.account();
        if (account.value().startsWith(prefix)) {
          MemberId member = MemberId.of(account.value().substring(prefix.length()));
          Money credit = posting.side() == Side.CREDIT ? posting.amount() : posting.amount().negated();
          saved.computeIfAbsent(member, m -> new HashMap<>()).merge(day, credit, Money::plus);
        }
      }
    }
    return saved;
  }

  /** The entry a chain of reversals starts from. */
  private static JournalEntry root(JournalEntry entry, Map<EntryId, JournalEntry> byId) {
    JournalEntry at = entry;
    for (int guard = 0; at.reverses().isPresent() && byId.containsKey(at.reverses().get()) && guard <= byId.size(); guard++) {
      at = byId.get(at.reverses().get());
    }
    return at;
  }

  /** Whether an entry is {@link SavingsGroups#closeYear}'s. */
  private static boolean isYearEndClosing(JournalEntry entry) {
    return entry.kind() == org.shgledger.journal.EntryKind.YEAR_END;
  }

  private static BigDecimal booksScore(long days, GradingPolicy policy) {
    if (days <= policy.booksCurrentDays()) {
      return ONE;
    }
    if (days >= policy.booksStaleDays()) {
      return ZERO;
    }
    return divide(policy.booksStaleDays() - days, policy.booksStaleDays() - policy.booksCurrentDays());
  }

  private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  private static BigDecimal atMostOne(BigDecimal ratio) {
    return ratio.compareTo(ONE) > 0 ? ONE : ratio;
  }

  private static BigDecimal divide(long part, long whole) {
    return divide(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  /**
   * A ratio, rounded half up to {@value #RATIO_SCALE} decimals.
   *
   * @param part the numerator, not null
   * @param whole the denominator, not zero, not null
   * @return the ratio, not null
   */
  static BigDecimal divide(BigDecimal part, BigDecimal whole) {
    return part.divide(whole, RATIO_SCALE, RoundingMode.HALF_UP);
  }

  /** A ratio of counts, or empty when the whole is zero. */
  static Optional<BigDecimal> ratio(int part, int whole) {
    return whole == 0 ? Optional.empty() : Optional.of(divide(part, whole));
  }
}
