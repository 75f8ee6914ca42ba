package org.shgledger.programme;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * Counts of the incidents a unit's groups reported, quarter by quarter, as donors may see them
 * once {@link IncidentCells#protect protected}: never an incident, only how many, by type, by
 * status at the quarter's end, by age band, by group if asked, and the referrals by service.
 *
 * @param from the first day counted, not null
 * @param to the last day counted, not null
 * @param groups the groups counted, not null
 * @param quarters the calendar quarters from {@code from} to {@code to}, the first and last cut to
 *     them, in order, not null
 * @param suppressedBelow the threshold of {@link IncidentCells#protect}, or 0 while exact
 */
public record IncidentReport(LocalDate from, LocalDate to, List<BookId> groups, List<Quarter> quarters,
    int suppressedBelow) {

  /** The most quarters one report covers: ten years. */
  public static final int MAX_QUARTERS = 40;

  /** The total of incidents reported in a quarter. */
  public static final String INCIDENTS = "incidents";
  /** The total of referrals made by a quarter's end of its incidents, one per incident and service. */
  public static final String REFERRALS = "referrals";
  /** The breakdown of incidents by type. */
  public static final String BY_TYPE = "type";
  /** The breakdown of incidents by status at the quarter's end. */
  public static final String BY_STATUS = "status";
  /** The breakdown of incidents by age band, with {@code not-recorded}. */
  public static final String BY_AGE = "age";
  /** The breakdown of incidents by group (for the NGO's coordinators only). */
  public static final String BY_GROUP = "group";
  /** The breakdown of referrals by service. */
  public static final String BY_SERVICE = "referral";
  /** The age band's key of incidents whose age band was not recorded. */
  public static final String AGE_NOT_RECORDED = "not-recorded";

  /**
   * Checks and copies.
   *
   * @param from the first day counted, not null
   * @param to the last day counted, not null
   * @param groups the groups counted, not null
   * @param quarters the calendar quarters from {@code from} to {@code to}, the first and last cut to
   *     them, in order, not null
   * @param suppressedBelow the threshold of {@link IncidentCells#protect}, or 0 while exact
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public IncidentReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    groups = List.copyOf(groups);
    quarters = List.copyOf(quarters);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the report ends on " + to + ", before it starts on " + from);
    }
  }

  /**
   * One quarter's counts.
   *
   * @param from its first day counted, not null
   * @param to its last day counted, not null
   * @param lines the totals and their breakdowns, each total before its parts, not null
   */
  public record Quarter(LocalDate from, LocalDate to, List<IncidentLine> lines) {
    /**
     * Checks and copies.
     *
     * @param from its first day counted, not null
     * @param to its last day counted, not null
     * @param lines the totals and their breakdowns, each total before its parts, not null
     */
    public Quarter {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      lines = List.copyOf(lines);
    }

    /**
     * The line of a key.
     *
     * @param key the key, not null
     * @return the line, or empty
     */
    public Optional<IncidentLine> line(String key) {
      return lines.stream().filter(line -> line.key().equals(key)).findFirst();
    }
  }

  /**
   * The total whose parts a breakdown's lines are.
   *
   * @param breakdown {@link #BY_TYPE}, {@link #BY_STATUS}, {@link #BY_AGE}, {@link #BY_GROUP} or
   *     {@link #BY_SERVICE}, not null
   * @return {@link #INCIDENTS} or {@link #REFERRALS}, not null
   */
  public static String totalOf(String breakdown) {
    return BY_SERVICE.equals(breakdown) ? REFERRALS : INCIDENTS;
  }

  /**
   * An enumeration constant as a key's word: {@code SEXUAL_ASSAULT} is {@code sexual-assault}.
   *
   * @param constant the constant, not null
   * @return the word, not null
   */
  public static String word(Enum<?> constant) {
    return constant instanceof AgeBand band ? band.word()
        : constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The exact counts (not yet protected) of the incidents of groups from a day to a day.
   *
   * @param incidents each group's incidents, in the order the groups are to be listed, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, at most {@value #MAX_QUARTERS} quarters on
   * @param byGroup whether to break incidents down by group too (for coordinators)
   * @return the report, not null
   * @throws IllegalArgumentException if the days are out of order or too far apart
   */
  public static IncidentReport count(Map<BookId, List<Incident>> incidents, LocalDate from, LocalDate to,
      boolean byGroup) {
    Objects.requireNonNull(incidents, "incidents");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the report ends on " + to + ", before it starts on " + from);
    }
    List<Quarter> quarters = new ArrayList<>();
    LocalDate start = from;
    while (!start.isAfter(to)) {
      if (quarters.size() == MAX_QUARTERS) {
        throw new IllegalArgumentException("a report covers at most " + MAX_QUARTERS + " quarters");
      }
      LocalDate quarterEnd = start.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
      LocalDate end = quarterEnd.isAfter(to) ? to : quarterEnd;
      quarters.add(quarter(incidents, start, end, byGroup));
      start = end.plusDays(1);
    }
    return new IncidentReport(from, to, List.copyOf(incidents.keySet()), quarters, 0);
  }

  private static Quarter quarter(Map<BookId, List<Incident>> incidents, LocalDate from, LocalDate to,
      boolean byGroup) {
    Map<IncidentType, Long> types = zeros(IncidentType.class);
    Map<IncidentStatus, Long> statuses = zeros(IncidentStatus.class);
    Map<String, Long> ages = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      ages.put(band.word(), 0L);
    }
    ages.put(AGE_NOT_RECORDED, 0L);
    Map<SupportService, Long> services = zeros(SupportService.class);
    Map<String, Long> groups = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<BookId, List<Incident>> group : incidents.entrySet()) {
      long ofGroup = 0;
      for (Incident incident : group.getValue()) {
        if (incident.date().isBefore(from) || incident.date().isAfter(to)) {
          continue;
        }
        ofGroup++;
        types.merge(incident.type(), 1L, Long::sum);
        statuses.merge(incident.statusOn(to).orElseThrow(), 1L, Long::sum);
        ages.merge(incident.ageBand().map(AgeBand::word).orElse(AGE_NOT_RECORDED), 1L, Long::sum);
        incident.referredBy(to).forEach(service -> services.merge(service, 1L, Long::sum));
      }
      groups.put(group.getKey().value(), ofGroup);
      total += ofGroup;
    }
    List<IncidentLine> lines = new ArrayList<>();
    lines.add(new IncidentLine(INCIDENTS, Optional.empty(), Value.count(total)));
    types.forEach((type, n) -> lines.add(part(BY_TYPE, word(type), n)));
    statuses.forEach((status, n) -> lines.add(part(BY_STATUS, word(status), n)));
    ages.forEach((band, n) -> lines.add(part(BY_AGE, band, n)));
    if (byGroup) {
      groups.forEach((group, n) -> lines.add(part(BY_GROUP, group, n)));
    }
    lines.add(new IncidentLine(REFERRALS, Optional.empty(),
        Value.count(services.values().stream().mapToLong(Long::longValue).sum())));
    services.forEach((service, n) -> lines.add(part(BY_SERVICE, word(service), n)));
    return new Quarter(from, to, lines);
  }

  private static IncidentLine part(String breakdown, String word, long count) {
    return new IncidentLine(breakdown + "." + word, Optional.of(breakdown), Value.count(count));
  }

  private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
    Map<E, Long> map = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      map.put(constant, 0L);
    }
    return map;
  }
}
