package org.shgledger.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.report.LoanLine;
import org.shgledger.report.LoanPortfolio;
import org.shgledger.report.LoanStatus;
import org.shgledger.report.Reports;

/**
 * Computes the programme's indicators over a list of groups on a day, from the groups' books and
 * the programme's registers. Every rule behind a number is in docs/programme.md; in short, on the
 * report's day (the as-of date, inclusive):
 *
 * <ul>
 *   <li>{@value #GROUPS}: the groups formed on or before the day;
 *   <li>{@value #MEMBERS}, {@value #MEMBERS_ADULT}, {@value #MEMBERS_ADOLESCENT}: members that day
 *       (joined, not yet left), by category;
 *   <li>{@value #MEMBERS_WITH_BANK_ACCOUNT}: of those, with their own bank account opened by then;
 *   <li>{@value #MEMBERS_SAVING}: of those, who saved in each of the last N months, the months
 *       being the N spans of one month that end on the day (for 30 June and N = 3: 31 March to
 *       30 April, 1 May to 30 May, 31 May to 30 June); saving is cash or bank paid into her
 *       compulsory or voluntary savings in an entry that stands on the day (not reversed by then);
 *   <li>{@value #LOANS_DISBURSED} and the amount lent, by purpose ({@code loans_livelihood} ...
 *       {@value #LOANS_NO_PURPOSE}); {@value #LOANS_REPAID} (loans settled by the day) and
 *       the principal repaid; the principal outstanding; {@value #REPAYMENT_RATE}: what was
 *       collected against what fell due, principal and interest, from the first loan to the day,
 *       as the loans report's demand and collection (docs/reports.md), rounded down to two
 *       decimals;
 *   <li>{@value #CHILDREN} of members that day with a school status by then, by status, and
 *       {@value #CHILDREN_SCHOOL_AGE}: of those, aged {@value #SCHOOL_AGE_FROM} to {@value
 *       #SCHOOL_AGE_TO} in the day's year;
 *   <li>{@value #TRAINED}: the different people who attended any training by the day
 *       (whether or not they are members still), by category, and {@code training.TOPIC}: the
 *       different people who attended a training of each topic;
 *   <li>{@value #MEMBERS_WITH_LIVELIHOOD}: members that day running an income-generating activity
 *       started by then; {@value #MEMBERS_EARNING}: of those, with a positive income reading
 *       standing on the day and dated in the last {@value #EARNING_MONTHS} months; {@value
 *       #MEMBERS_WITH_LOAN}: members that day who borrowed from the group (a loan disbursed by the
 *       day that stands); {@value #LOANS_FOR_ACTIVITY}: loans that financed a recorded activity;
 *       {@code livelihood_income.ACTIVITY}: the median of those members' standing monthly incomes by
 *       activity, per currency, withheld below {@value #MEDIAN_MIN_PEOPLE} members;
 *   <li>{@value #OUTREACH_REACHED_MONTHLY}, {@value #OUTREACH_EVENTS} (by kind, {@code
 *       outreach.KIND}) and {@value #OUTREACH_SIGNATURES}: the people reached, the events and the
 *       signatures of the outreach events dated in the month that ends on the day (the span from
 *       the day after the same date a month before).
 * </ul>
 *
 * <p>Amounts and repayment rates are given per currency: groups keeping books in different
 * currencies are never added together.
 */
public final class ProgrammeIndicators {

  /** Groups registered. */
  public static final String GROUPS = "groups";
  /** Members on the day. */
  public static final String MEMBERS = "members";
  /** Adult members. */
  public static final String MEMBERS_ADULT = "members_adult";
  /** Adolescent members. */
  public static final String MEMBERS_ADOLESCENT = "members_adolescent";
  /** Members with their own bank account. */
  public static final String MEMBERS_WITH_BANK_ACCOUNT = "members_with_bank_account";
  /** Members who saved in each of the last N months. */
  public static final String MEMBERS_SAVING = "members_saving_monthly";
  /** Loans paid out by the day (each is one member's, so a count of people for suppression). */
  public static final String LOANS_DISBURSED = "loans_disbursed";
  /** Loans whose purpose was never recorded. */
  public static final String LOANS_NO_PURPOSE = "loans_no_purpose";
  /** Loans fully repaid by the day. */
  public static final String LOANS_REPAID = "loans_repaid";
  /** Collected against due, in percent. */
  public static final String REPAYMENT_RATE = "repayment_rate";
  /** The principal lent. */
  public static final String AMOUNT_LENT = "amount_lent";
  /** The principal repaid. */
  public static final String PRINCIPAL_REPAID = "principal_repaid";
  /** The principal outstanding. */
  public static final String PRINCIPAL_OUTSTANDING = "principal_outstanding";
  /** The principal lent for livelihoods. */
  public static final String AMOUNT_LENT_LIVELIHOOD = "amount_lent_livelihood";
  /** Children followed by the programme. */
  public static final String CHILDREN = "children";
  /** Children of school age. */
  public static final String CHILDREN_SCHOOL_AGE = "children_school_age";
  /** Different people trained. */
  public static final String TRAINED = "trained";
  /** Adults trained. */
  public static final String TRAINED_ADULT = "trained_adult";
  /** Adolescents trained. */
  public static final String TRAINED_ADOLESCENT = "trained_adolescent";
  /** Members running an income-generating activity. */
  public static final String MEMBERS_WITH_LIVELIHOOD = "members_with_livelihood";
  /** Of those, with a recent positive income reading: generating a sustainable income. */
  public static final String MEMBERS_EARNING = "members_earning";
  /** Members who borrowed from the group: improved access to capital. */
  public static final String MEMBERS_WITH_LOAN = "members_with_loan";
  /** Loans that financed a recorded activity. */
  public static final String LOANS_FOR_ACTIVITY = "loans_for_activity";
  /** The prefix of an activity's median income key: {@code livelihood_income.tailoring}. */
  public static final String INCOME_PREFIX = "livelihood_income.";
  /** People reached by outreach in the month that ends on the day. */
  public static final String OUTREACH_REACHED_MONTHLY = "outreach_reached_monthly";
  /** Outreach events in that month. */
  public static final String OUTREACH_EVENTS = "outreach_events";
  /** The prefix of the events of a kind: {@code outreach.rally}. */
  public static final String OUTREACH_PREFIX = "outreach.";
  /** Signatures gathered in that month. */
  public static final String OUTREACH_SIGNATURES = "outreach_signatures";
  /** How recent an income reading is to count as a sustainable income, in months. */
  public static final int EARNING_MONTHS = 6;
  /** The fewest members behind a median income shown: fewer, and it is withheld. */
  public static final int MEDIAN_MIN_PEOPLE = SmallCells.DEFAULT_THRESHOLD;
  /** The prefix of a training topic's key: {@code training.orientation}. */
  public static final String TRAINING_PREFIX = "training.";

  /** The first age of school age (Right to Education Act: 6 to 14). */
  public static final int SCHOOL_AGE_FROM = 6;
  /** The last age of school age. */
  public static final int SCHOOL_AGE_TO = 14;
  /** The default N of "saved in each of the last N months". */
  public static final int DEFAULT_SAVING_MONTHS = 3;
  /** The largest N accepted. */
  public static final int MAX_SAVING_MONTHS = 60;
  /** The most groups one report covers. */
  public static final int MAX_GROUPS = 10_000;
  /** The decimal places of rates and percentages. */
  static final int RATE_SCALE = 2;

  private final SavingsGroups groups;
  private final ProgrammeRegister register;
  private final Reports reports;

  /**
   * Creates the calculator over the books and registers.
   *
   * @param programme the registers and, through them, the engine, not null
   */
  public ProgrammeIndicators(Programme programme) {
    Objects.requireNonNull(programme, "programme");
    this.groups = programme.groups();
    this.register = programme.register();
    this.reports = new Reports(groups);
  }

  /**
   * The key of the count of loans for a purpose.
   *
   * @param purpose the purpose, not null
   * @return such as {@code loans_livelihood}, not null
   */
  public static String loansFor(LoanPurpose purpose) {
    return "loans_" + purpose.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The key of the count of children with a school status.
   *
   * @param status the status, not null
   * @return such as {@code children_bridge_course}, not null
   */
  public static String childrenWith(SchoolStatus status) {
    return "children_" + status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The key of the count of people trained on a topic.
   *
   * @param topic the topic, not null
   * @return such as {@code training.orientation}, not null
   */
  public static String trainedIn(TrainingTopic topic) {
    return TRAINING_PREFIX + topic.value();
  }

  /**
   * The key of the median income of an activity.
   *
   * @param activity the activity, not null
   * @return such as {@code livelihood_income.small-shop}, not null
   */
  public static String incomeOf(LivelihoodActivity activity) {
    return INCOME_PREFIX + activity.word();
  }

  /**
   * The key of the count of outreach events of a kind.
   *
   * @param kind the kind, not null
   * @return such as {@code outreach.street-play}, not null
   */
  public static String outreachOf(OutreachKind kind) {
    return OUTREACH_PREFIX + kind.word();
  }

  /**
   * Every indicator's key but the training topics', in the report's order.
   *
   * @return the keys, not null
   */
  public static List<String> keys() {
    List<String> keys = new ArrayList<>(List.of(GROUPS, MEMBERS, MEMBERS_ADULT, MEMBERS_ADOLESCENT,
        MEMBERS_WITH_BANK_ACCOUNT, MEMBERS_SAVING, LOANS_DISBURSED));
    for (LoanPurpose purpose : LoanPurpose.values()) {
      keys.add(loansFor(purpose));
    }
    keys.addAll(List.of(LOANS_NO_PURPOSE, LOANS_REPAID, REPAYMENT_RATE, CHILDREN));
    for (SchoolStatus status : SchoolStatus.values()) {
      keys.add(childrenWith(status));
    }
    keys.addAll(List.of(CHILDREN_SCHOOL_AGE, TRAINED, TRAINED_ADULT, TRAINED_ADOLESCENT,
        MEMBERS_WITH_LIVELIHOOD, MEMBERS_EARNING, MEMBERS_WITH_LOAN, LOANS_FOR_ACTIVITY,
        OUTREACH_REACHED_MONTHLY, OUTREACH_EVENTS));
    for (OutreachKind kind : OutreachKind.values()) {
      keys.add(outreachOf(kind));
    }
    keys.addAll(List.of(OUTREACH_SIGNATURES, AMOUNT_LENT, PRINCIPAL_REPAID, PRINCIPAL_OUTSTANDING,
        AMOUNT_LENT_LIVELIHOOD));
    for (LivelihoodActivity activity : LivelihoodActivity.values()) {
      keys.add(incomeOf(activity));
    }
    return List.copyOf(keys);
  }

  /**
   * The indicators over some groups on a day, every value exact (before {@link SmallCells}).
   *
   * @param codes the groups, not null; a group named twice is counted once
   * @param asOf the day, inclusive, not null
   * @param savingMonths the N of "saved in each of the last N months", 1 to {@value
   *     #MAX_SAVING_MONTHS}
   * @return the report, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND} for a code
   *     that names no group
   * @throws IllegalArgumentException if there are more than {@value #MAX_GROUPS} groups or the
   *     months are out of range
   */
  public IndicatorReport compute(Collection<BookId> codes, LocalDate asOf, int savingMonths) {
    return compute(codes, asOf, savingMonths, List.of());
  }

  /**
   * The indicators over some groups on a day with the outreach events of their units, every value
   * exact (before {@link SmallCells}).
   *
   * @param codes the groups, not null; a group named twice is counted once
   * @param asOf the day, inclusive, not null
   * @param savingMonths the N of "saved in each of the last N months", 1 to {@value
   *     #MAX_SAVING_MONTHS}
   * @param outreach the outreach events to count (those of the month that ends on the day are), not
   *     null; {@link Outreach#events} and {@link Outreach#eventsOfGroups} pick them
   * @return the report, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND} for a code
   *     that names no group
   * @throws IllegalArgumentException if there are more than {@value #MAX_GROUPS} groups or the
   *     months are out of range
   */
  public IndicatorReport compute(Collection<BookId> codes, LocalDate asOf, int savingMonths,
      Collection<OutreachEvent> outreach) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(outreach, "outreach");
    TreeSet<BookId> unique = new TreeSet<>();
    for (BookId code : Objects.requireNonNull(codes, "codes")) {
      unique.add(Objects.requireNonNull(code, "code"));
    }
    if (unique.size() > MAX_GROUPS) {
      throw new IllegalArgumentException("an indicator report covers at most " + MAX_GROUPS + " groups, not " + unique.size());
    }
    if (savingMonths < 1 || savingMonths > MAX_SAVING_MONTHS) {
      throw new IllegalArgumentException("saving months must be 1 to " + MAX_SAVING_MONTHS + ", not " + savingMonths);
    }
    Tally tally = new Tally();
    List<Group> counted = new ArrayList<>();
    for (BookId code : unique) {
      Group group = groups.group(code);
      if (!group.formed().isAfter(asOf)) {
        counted.add(group);
      }
    }
    for (Group group : counted) {
      count(group, asOf, savingMonths, tally);
    }
    LocalDate monthBefore = asOf.minusMonths(1);
    for (OutreachEvent event : outreach) {
      if (event.date().isAfter(monthBefore) && !event.date().isAfter(asOf)) {
        tally.reached += event.reached();
        tally.outreachEvents.merge(event.kind(), 1L, Long::sum);
        tally.signatures += event.signatures().orElse(0);
      }
    }
    return new IndicatorReport(asOf, counted.stream().map(Group::code).toList(), savingMonths, 0, tally.lines(counted));
  }

  /** Adds one group's figures to the tally. */
  private void count(Group group, LocalDate asOf, int savingMonths, Tally tally) {
    BookId code = group.code();
    tally.groups++;
    List<Member> everyone = groups.registry().members(code);
    Map<MemberId, Member> byId = new HashMap<>();
    List<Member> members = new ArrayList<>();
    for (Member member : everyone) {
      byId.put(member.id(), member);
      if (member.isMemberOn(asOf)) {
        members.add(member);
      }
    }
    Set<MemberId> current = new HashSet<>();
    for (Member member : members) {
      current.add(member.id());
      tally.members.merge(member.category(), 1L, Long::sum);
      if (member.bankAccount().filter(account -> !account.opened().isAfter(asOf)).isPresent()) {
        tally.withBankAccount++;
      }
    }
    tally.saving += savedEveryMonth(code, members, asOf, savingMonths);

    countLoans(group, asOf, tally);

    for (Child child : register.children(code)) {
      Optional<SchoolStatusChange> status = child.statusOn(asOf);
      if (status.isPresent() && current.contains(child.member())) {
        tally.children.merge(status.get().status(), 1L, Long::sum);
        int age = child.ageIn(asOf.getYear());
        if (age >= SCHOOL_AGE_FROM && age <= SCHOOL_AGE_TO) {
          tally.childrenOfSchoolAge++;
        }
      }
    }

    Set<MemberId> trained = new HashSet<>();
    Map<TrainingTopic, Set<MemberId>> byTopic = new HashMap<>();
    for (Training training : register.trainings(code)) {
      if (training.date().isAfter(asOf)) {
        continue;
      }
      trained.addAll(training.attendees());
      byTopic.computeIfAbsent(training.topic(), topic -> new HashSet<>()).addAll(training.attendees());
    }
    for (MemberId id : trained) {
      Member member = byId.get(id);
      // an attendee is a member of the group (the register checks it); the category is hers
      MemberCategory category = member == null ? MemberCategory.ADULT_WOMAN : member.category();
      tally.trained.merge(category, 1L, Long::sum);
    }
    byTopic.forEach((topic, people) -> tally.topics.merge(topic, (long) people.size(), Long::sum));

    countLivelihoods(code, current, asOf, tally);
  }

  /**
   * The group's activities: the members running one and earning from one, and each activity's
   * standing recent incomes for the medians (the loans that financed one are counted with the
   * loans).
   */
  private void countLivelihoods(BookId code, Set<MemberId> current, LocalDate asOf, Tally tally) {
    Set<MemberId> running = new HashSet<>();
    Set<MemberId> earning = new HashSet<>();
    LocalDate recent = asOf.minusMonths(EARNING_MONTHS);
    for (Livelihood livelihood : register.livelihoods().livelihoods(code)) {
      if (!current.contains(livelihood.member()) || livelihood.started().isAfter(asOf)) {
        continue;
      }
      running.add(livelihood.member());
      Optional<IncomeReading> reading = livelihood.readingOn(asOf).filter(r -> r.date().isAfter(recent));
      if (reading.isPresent()) {
        if (reading.get().monthlyIncome().isPositive()) {
          earning.add(livelihood.member());
        }
        tally.incomes.computeIfAbsent(reading.get().monthlyIncome().getCurrencyUnit(), c -> new TreeMap<>())
            .computeIfAbsent(livelihood.activity(), a -> new ArrayList<>()).add(reading.get().monthlyIncome());
      }
    }
    tally.withLivelihood += running.size();
    tally.earning += earning.size();
  }

  /** The group's loans: counts by purpose, amounts, demand and collection. */
  private void countLoans(Group group, LocalDate asOf, Tally tally) {
    BookId code = group.code();
    LocalDate from = group.formed();
    for (MemberLoan loan : groups.loans(code)) {
      LocalDate lent = loan.terms().disbursementDate();
      if (lent.isBefore(from)) {
        from = lent;
      }
    }
    // the demand period starts before every loan, so demand and collection are the loans' whole life
    LoanPortfolio portfolio = reports.loans(code, asOf, from.isAfter(asOf) ? asOf : from);
    Map<org.shgledger.group.LoanId, LoanPurpose> purposes = register.loanPurposes(code);
    LoanMoney money = tally.money.computeIfAbsent(group.currency(), LoanMoney::new);
    Set<MemberId> current = new HashSet<>();
    for (Member member : groups.registry().members(code)) {
      if (member.isMemberOn(asOf)) {
        current.add(member.id());
      }
    }
    Set<MemberId> borrowers = new HashSet<>();
    Set<org.shgledger.group.LoanId> financing = new HashSet<>();
    for (Livelihood livelihood : register.livelihoods().livelihoods(code)) {
      if (!livelihood.started().isAfter(asOf)) {
        livelihood.loan().ifPresent(financing::add);
      }
    }
    for (LoanLine loan : portfolio.loans()) {
      tally.loans++;
      if (current.contains(loan.member())) {
        borrowers.add(loan.member());
      }
      if (financing.contains(loan.loan())) {
        tally.loansForActivity++;
      }
      Optional<LoanPurpose> purpose = Optional.ofNullable(purposes.get(loan.loan()));
      if (purpose.isPresent()) {
        tally.loansByPurpose.merge(purpose.get(), 1L, Long::sum);
      } else {
        tally.loansWithoutPurpose++;
      }
      if (loan.status() == LoanStatus.CLOSED) {
        tally.loansRepaid++;
      }
      money.disbursed = money.disbursed.plus(loan.principal());
      money.repaid = money.repaid.plus(loan.principal().minus(loan.outstandingPrincipal()));
      money.outstanding = money.outstanding.plus(loan.outstandingPrincipal());
      if (purpose.equals(Optional.of(LoanPurpose.LIVELIHOOD))) {
        money.livelihood = money.livelihood.plus(loan.principal());
      }
      money.demand = money.demand.plus(loan.dcb().demand());
      money.collection = money.collection.plus(loan.dcb().collection());
    }
    tally.withLoan += borrowers.size();
  }

  /**
   * How many of the members saved in each of the last {@code months} months: a standing entry
   * that pays cash or bank into her compulsory or voluntary savings in every one of the spans.
   */
  private int savedEveryMonth(BookId code, List<Member> members, LocalDate asOf, int months) {
    Map<AccountCode, MemberId> savingsAccounts = new HashMap<>();
    for (Member member : members) {
      savingsAccounts.put(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, member.id()), member.id());
      savingsAccounts.put(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, member.id()), member.id());
    }
    List<JournalEntry> entries = groups.journal().entries(code);
    // a reversal dated after the day had not happened on it
    Map<EntryId, JournalEntry> reversalOf = new HashMap<>();
    for (JournalEntry entry : entries) {
      if (entry.reverses().isPresent() && !entry.date().isAfter(asOf)) {
        reversalOf.put(entry.reverses().get(), entry);
      }
    }
    LocalDate start = asOf.minusMonths(months);
    Map<MemberId, BitSet> saved = new HashMap<>();
    for (JournalEntry entry : entries) {
      LocalDate date = entry.date();
      if (!date.isAfter(start) || date.isAfter(asOf) || entry.reverses().isPresent()
          || !stands(entry, reversalOf) || !paysIntoCashOrBank(entry)) {
        continue;
      }
      int span = 1;
      while (!date.isAfter(asOf.minusMonths(span))) {
        span++;
      }
      for (Posting posting : entry.postings()) {
        MemberId member = savingsAccounts.get(posting.account());
        if (member != null && posting.side() == Side.CREDIT) {
          saved.computeIfAbsent(member, id -> new BitSet()).set(span);
        }
      }
    }
    return (int) saved.values().stream().filter(spans -> spans.cardinality() == months).count();
  }

  /** Whether an entry stands: an even number of reversals (a reversal, its reversal...) follow it. */
  private static boolean stands(JournalEntry entry, Map<EntryId, JournalEntry> reversalOf) {
    int undone = 0;
    JournalEntry at = entry;
    for (JournalEntry reversal = reversalOf.get(at.id()); reversal != null; reversal = reversalOf.get(at.id())) {
      undone++;
      at = reversal;
      if (undone > reversalOf.size()) {
        break; // a cycle cannot be written (an entry reverses one recorded before it); never loop
      }
    }
    return undone % 2 == 0;
  }

  private static boolean paysIntoCashOrBank(JournalEntry entry) {
    return entry.postings().stream().anyMatch(posting -> posting.side() == Side.DEBIT
        && (posting.account().equals(Chart.CASH) || posting.account().equals(Chart.BANK)));
  }

  /** The percentage {@code part ÷ whole × 100}, rounded down to two decimals; none for a zero whole. */
  static Value percent(BigDecimal part, BigDecimal whole, int scale) {
    if (whole.signum() == 0) {
      return Value.NONE;
    }
    return new Value.Percent(part.multiply(BigDecimal.valueOf(100)).divide(whole, scale, RoundingMode.DOWN));
  }

  /** One currency's loan money. */
  private static final class LoanMoney {
    Money disbursed;
    Money repaid;
    Money outstanding;
    Money livelihood;
    Money demand;
    Money collection;

    LoanMoney(CurrencyUnit currency) {
      Money zero = Money.zero(currency);
      disbursed = zero;
      repaid = zero;
      outstanding = zero;
      livelihood = zero;
      demand = zero;
      collection = zero;
    }
  }

  /** The figures added up over the groups. */
  private static final class Tally {
    long groups;
    final Map<MemberCategory, Long> members = new EnumMap<>(MemberCategory.class);
    long withBankAccount;
    long saving;
    long loans;
    final Map<LoanPurpose, Long> loansByPurpose = new EnumMap<>(LoanPurpose.class);
    long loansWithoutPurpose;
    long loansRepaid;
    final Map<CurrencyUnit, LoanMoney> money = new TreeMap<>();
    final Map<SchoolStatus, Long> children = new EnumMap<>(SchoolStatus.class);
    long childrenOfSchoolAge;
    final Map<MemberCategory, Long> trained = new EnumMap<>(MemberCategory.class);
    final Map<TrainingTopic, Long> topics = new TreeMap<>();
    long withLivelihood;
    long earning;
    long withLoan;
    long loansForActivity;
    final Map<CurrencyUnit, Map<LivelihoodActivity, List<Money>>> incomes = new TreeMap<>();
    long reached;
    final Map<OutreachKind, Long> outreachEvents = new EnumMap<>(OutreachKind.class);
    long signatures;

    List<IndicatorLine> lines(List<Group> counted) {
      List<IndicatorLine> lines = new ArrayList<>();
      lines.add(count(GROUPS, null, false, groups));
      lines.add(count(MEMBERS, null, true, sum(members)));
      lines.add(count(MEMBERS_ADULT, MEMBERS, true, members.getOrDefault(MemberCategory.ADULT_WOMAN, 0L)));
      lines.add(count(MEMBERS_ADOLESCENT, MEMBERS, true, members.getOrDefault(MemberCategory.ADOLESCENT_GIRL, 0L)));
      lines.add(count(MEMBERS_WITH_BANK_ACCOUNT, null, true, withBankAccount));
      lines.add(count(MEMBERS_SAVING, null, true, saving));
      lines.add(count(LOANS_DISBURSED, null, true, loans));
      for (LoanPurpose purpose : LoanPurpose.values()) {
        lines.add(count(loansFor(purpose), LOANS_DISBURSED, true, loansByPurpose.getOrDefault(purpose, 0L)));
      }
      lines.add(count(LOANS_NO_PURPOSE, LOANS_DISBURSED, true, loansWithoutPurpose));
      lines.add(count(LOANS_REPAID, null, true, loansRepaid));
      // every counted group's currency has a line, even with no loans, so that targets can name it
      for (Group group : counted) {
        money.computeIfAbsent(group.currency(), LoanMoney::new);
      }
      money.forEach((currency, figures) -> lines.add(IndicatorLine.of(REPAYMENT_RATE, Optional.empty(), false,
          Optional.of(currency), percent(figures.collection.getAmount(), figures.demand.getAmount(), RATE_SCALE))));
      lines.add(count(CHILDREN, null, true, sum(children)));
      for (SchoolStatus status : SchoolStatus.values()) {
        lines.add(count(childrenWith(status), CHILDREN, true, children.getOrDefault(status, 0L)));
      }
      lines.add(count(CHILDREN_SCHOOL_AGE, null, true, childrenOfSchoolAge));
      lines.add(count(TRAINED, null, true, sum(trained)));
      lines.add(count(TRAINED_ADULT, TRAINED, true, trained.getOrDefault(MemberCategory.ADULT_WOMAN, 0L)));
      lines.add(count(TRAINED_ADOLESCENT, TRAINED, true,
          trained.getOrDefault(MemberCategory.ADOLESCENT_GIRL, 0L)));
      topics.forEach((topic, people) -> lines.add(count(trainedIn(topic), null, true, people)));
      lines.add(count(MEMBERS_WITH_LIVELIHOOD, null, true, withLivelihood));
      lines.add(count(MEMBERS_EARNING, null, true, earning));
      lines.add(count(MEMBERS_WITH_LOAN, null, true, withLoan));
      lines.add(count(LOANS_FOR_ACTIVITY, null, true, loansForActivity));
      // a crowd at a rally is no one's secret: these counts are not people to protect
      lines.add(count(OUTREACH_REACHED_MONTHLY, null, false, reached));
      lines.add(count(OUTREACH_EVENTS, null, false, sum(outreachEvents)));
      for (OutreachKind kind : OutreachKind.values()) {
        lines.add(count(outreachOf(kind), OUTREACH_EVENTS, false, outreachEvents.getOrDefault(kind, 0L)));
      }
      lines.add(count(OUTREACH_SIGNATURES, null, false, signatures));
      money.forEach((currency, figures) -> {
        lines.add(amount(AMOUNT_LENT, figures.disbursed));
        lines.add(amount(PRINCIPAL_REPAID, figures.repaid));
        lines.add(amount(PRINCIPAL_OUTSTANDING, figures.outstanding));
        lines.add(amount(AMOUNT_LENT_LIVELIHOOD, figures.livelihood));
        Map<LivelihoodActivity, List<Money>> byActivity = incomes.getOrDefault(currency, Map.of());
        byActivity.forEach((activity, amounts) -> lines.add(IndicatorLine.of(incomeOf(activity), Optional.empty(),
            false, Optional.of(currency), median(amounts))));
      });
      return lines;
    }

    /**
     * The median of the incomes, the mean of the middle two for an even number rounded half up to
     * the currency's places; withheld below {@value #MEDIAN_MIN_PEOPLE}, since a median of few is
     * nearly someone's income.
     */
    private static Value median(List<Money> amounts) {
      if (amounts.size() < MEDIAN_MIN_PEOPLE) {
        return new Value.Withheld(Value.Reason.SMALL);
      }
      List<Money> sorted = amounts.stream().sorted().toList();
      int middle = sorted.size() / 2;
      Money median = sorted.size() % 2 == 1 ? sorted.get(middle)
          : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2, RoundingMode.HALF_UP);
      return new Value.Amount(median);
    }

    private static long sum(Map<?, Long> counts) {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static IndicatorLine count(String key, String partOf, boolean people, long value) {
      return IndicatorLine.of(key, Optional.ofNullable(partOf), people, Optional.empty(), Value.count(value));
    }

    private static IndicatorLine amount(String key, Money value) {
      return IndicatorLine.of(key, Optional.empty(), false, Optional.of(value.getCurrencyUnit()), new Value.Amount(value));
    }
  }
}
