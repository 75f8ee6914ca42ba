package org.shgledger.unit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How groups are graded and judged ready for a bank loan: the weight of each {@link Measure}, the
 * scores that make grades A and B, the targets behind two measures, and the bank-linkage rule.
 * {@link #defaults()} are the documented defaults (docs/units.md says why each); a program or a
 * coordinator's properties file ({@link #fromProperties}) can change any of them.
 *
 * @param weights each measure's weight, 0 or more, not all 0; the score is the weighted mean of
 *     the measures' scores, times 100; not null, every measure present; copied
 * @param gradeA the lowest score of grade A, from 0 to 100, not below {@code gradeB}, not null
 * @param gradeB the lowest score of grade B, from 0 to 100, not null
 * @param lendingTarget the share of the corpus out on loan to members that scores full marks for
 *     lending, above 0, not null (0.8: four-fifths of the pool)
 * @param booksCurrentDays a last entry at most this many days before the end of the period scores
 *     full marks for books, 0 or more
 * @param booksStaleDays a last entry this many days back or more scores nothing; in between, the
 *     score falls in a straight line; more than {@code booksCurrentDays}
 * @param linkageMonths months of regular activity (a meeting in every calendar month) a group
 *     needs to be eligible for a bank loan, 0 or more
 * @param linkageGrade the lowest grade eligible for a bank loan, not null
 * @param linkageMultiple the suggested bank loan as a multiple of the group's corpus, above 0, not
 *     null
 */
public record GradingPolicy(
    Map<Measure, BigDecimal> weights,
    BigDecimal gradeA,
    BigDecimal gradeB,
    BigDecimal lendingTarget,
    int booksCurrentDays,
    int booksStaleDays,
    int linkageMonths,
    Grade linkageGrade,
    BigDecimal linkageMultiple) {

  /** The longest period of days or months a policy accepts: ten years, far beyond any sensible rule. */
  public static final int MAX_DAYS = 3_660;

  /** The most months of activity a policy can ask for. */
  public static final int MAX_MONTHS = 120;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * Creates a policy.
   *
   * @param weights each measure's weight, 0 or more, not all 0; the score is the weighted mean of
   *     the measures' scores, times 100; not null, every measure present; copied
   * @param gradeA the lowest score of grade A, from 0 to 100, not below {@code gradeB}, not null
   * @param gradeB the lowest score of grade B, from 0 to 100, not null
   * @param lendingTarget the share of the corpus out on loan to members that scores full marks for
   *     lending, above 0, not null (0.8: four-fifths of the pool)
   * @param booksCurrentDays a last entry at most this many days before the end of the period scores
   *     full marks for books, 0 or more
   * @param booksStaleDays a last entry this many days back or more scores nothing; in between, the
   *     score falls in a straight line; more than {@code booksCurrentDays}
   * @param linkageMonths months of regular activity (a meeting in every calendar month) a group
   *     needs to be eligible for a bank loan, 0 or more
   * @param linkageGrade the lowest grade eligible for a bank loan, not null
   * @param linkageMultiple the suggested bank loan as a multiple of the group's corpus, above 0,
   *     not null
   * @throws NullPointerException if any argument or weight is null
   * @throws IllegalArgumentException if a value is out of its range (see the parameters)
   */
  public GradingPolicy {
    Objects.requireNonNull(weights, "weights");
    EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
    BigDecimal sum = BigDecimal.ZERO;
    for (Measure measure : Measure.values()) {
      BigDecimal weight = weights.get(measure);
      if (weight == null) {
        throw new IllegalArgumentException("the policy has no weight for " + measure.key());
      }
      if (weight.signum() < 0) {
        throw new IllegalArgumentException("the weight of " + measure.key() + " must be 0 or more, not " + weight);
      }
      copy.put(measure, weight);
      sum = sum.add(weight);
    }
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("at least one measure must have a weight above 0");
    }
    weights = Collections.unmodifiableMap(copy);
    percent("grade.a", gradeA);
    percent("grade.b", gradeB);
    if (gradeA.compareTo(gradeB) < 0) {
      throw new IllegalArgumentException("grade.a (" + gradeA + ") must not be below grade.b (" + gradeB + ")");
    }
    Objects.requireNonNull(lendingTarget, "lendingTarget");
    if (lendingTarget.signum() <= 0) {
      throw new IllegalArgumentException("lending.target must be above 0, not " + lendingTarget);
    }
    if (booksCurrentDays < 0 || booksStaleDays <= booksCurrentDays || booksStaleDays > MAX_DAYS) {
      throw new IllegalArgumentException("books.current-days (" + booksCurrentDays + ") must be 0 or more and below"
          + " books.stale-days (" + booksStaleDays + "), at most " + MAX_DAYS);
    }
    if (linkageMonths < 0 || linkageMonths > MAX_MONTHS) {
      throw new IllegalArgumentException("linkage.months must be 0 to " + MAX_MONTHS + ", not " + linkageMonths);
    }
    Objects.requireNonNull(linkageGrade, "linkageGrade");
    Objects.requireNonNull(linkageMultiple, "linkageMultiple");
    if (linkageMultiple.signum() <= 0) {
      throw new IllegalArgumentException("linkage.multiple must be above 0, not " + linkageMultiple);
    }
  }

  /**
   * The defaults: weights meetings 10, attendance 10, savings 20, lending 20, repayment 20, books
   * 20 (each of the five sutras 20, the first split between meetings and attendance); grade A from
   * 80, B from 60; lending target 0.8 of the corpus; books current within 31 days, stale from 90;
   * bank linkage after 6 months of regular activity at grade B or better, up to 4 times the corpus.
   *
   * @return the default policy, not null
   */
  public static GradingPolicy defaults() {
    EnumMap<Measure, BigDecimal> weights = new EnumMap<>(Measure.class);
    weights.put(Measure.MEETINGS, BigDecimal.valueOf(10));
    weights.put(Measure.ATTENDANCE, BigDecimal.valueOf(10));
    weights.put(Measure.SAVINGS, BigDecimal.valueOf(20));
    weights.put(Measure.LENDING, BigDecimal.valueOf(20));
    weights.put(Measure.REPAYMENT, BigDecimal.valueOf(20));
    weights.put(Measure.BOOKS, BigDecimal.valueOf(20));
    return new GradingPolicy(weights, BigDecimal.valueOf(80), BigDecimal.valueOf(60), new BigDecimal("0.8"),
        31, 90, 6, Grade.B, BigDecimal.valueOf(4));
  }

  /**
   * The defaults with some values replaced by those of a properties file: {@code weight.meetings},
   * {@code weight.attendance}, {@code weight.savings}, {@code weight.lending}, {@code
   * weight.repayment}, {@code weight.books}, {@code grade.a}, {@code grade.b}, {@code
   * lending.target}, {@code books.current-days}, {@code books.stale-days}, {@code linkage.months},
   * {@code linkage.grade} ({@code A}, {@code B} or {@code C}) and {@code linkage.multiple}. Keys
   * left out keep their default; a key not in this list is refused, so that a misspelt key does
   * not silently leave a default in force.
   *
   * @param properties the values, not null
   * @return the policy, not null
   * @throws IllegalArgumentException naming the key, for an unknown key, a value that is not a
   *     number (or grade), or a policy out of range
   */
  public static GradingPolicy fromProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties");
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(keys());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown grading policy key(s) " + String.join(", ", unknown)
          + "; the keys are " + String.join(", ", keys()));
    }
    GradingPolicy base = defaults();
    EnumMap<Measure, BigDecimal> weights = new EnumMap<>(base.weights);
    for (Measure measure : Measure.values()) {
      weights.put(measure, decimal(properties, "weight." + measure.key(), base.weights.get(measure)));
    }
    String grade = properties.getProperty("linkage.grade");
    Grade linkageGrade = base.linkageGrade;
    if (grade != null) {
      try {
        linkageGrade = Grade.valueOf(grade.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("linkage.grade is A, B or C, not '" + grade.strip() + "'");
      }
    }
    return new GradingPolicy(weights,
        decimal(properties, "grade.a", base.gradeA),
        decimal(properties, "grade.b", base.gradeB),
        decimal(properties, "lending.target", base.lendingTarget),
        whole(properties, "books.current-days", base.booksCurrentDays),
        whole(properties, "books.stale-days", base.booksStaleDays),
        whole(properties, "linkage.months", base.linkageMonths),
        linkageGrade,
        decimal(properties, "linkage.multiple", base.linkageMultiple));
  }

  /**
   * The policy as properties, every key present: what {@link #fromProperties} reads back to an
   * equal policy. A starting point for a coordinator's own file.
   *
   * @return the properties, not null
   */
  public Properties toProperties() {
    Properties properties = new Properties();
    weights.forEach((measure, weight) -> properties.setProperty("weight." + measure.key(), weight.toPlainString()));
    properties.setProperty("grade.a", gradeA.toPlainString());
    properties.setProperty("grade.b", gradeB.toPlainString());
    properties.setProperty("lending.target", lendingTarget.toPlainString());
    properties.setProperty("books.current-days", String.valueOf(booksCurrentDays));
    properties.setProperty("books.stale-days", String.valueOf(booksStaleDays));
    properties.setProperty("linkage.months", String.valueOf(linkageMonths));
    properties.setProperty("linkage.grade", linkageGrade.name());
    properties.setProperty("linkage.multiple", linkageMultiple.toPlainString());
    return properties;
  }

  /**
   * The grade of a score.
   *
   * @param score a score from 0 to 100, not null
   * @return A from {@link #gradeA()}, B from {@link #gradeB()}, C below, not null
   */
  public Grade grade(BigDecimal score) {
    Objects.requireNonNull(score, "score");
    return score.compareTo(gradeA) >= 0 ? Grade.A : score.compareTo(gradeB) >= 0 ? Grade.B : Grade.C;
  }

  /**
   * The sum of the weights.
   *
   * @return the sum, above 0, not null
   */
  public BigDecimal totalWeight() {
    return weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Measure measure : Measure.values()) {
      keys.add("weight." + measure.key());
    }
    keys.addAll(Set.of("grade.a", "grade.b", "lending.target", "books.current-days", "books.stale-days",
        "linkage.months", "linkage.grade", "linkage.multiple"));
    return keys;
  }

  private static void percent(String key, BigDecimal value) {
    Objects.requireNonNull(value, key);
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(key + " must be a score from 0 to 100, not " + value);
    }
  }

  private static BigDecimal decimal(Properties properties, String key, BigDecimal fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return fallback;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, such as 0.8 or 20, not '" + value.strip() + "'");
    }
  }

  private static int whole(Properties properties, String key, int fallback) {
    String value = properties.getProperty(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number of days or months, not '" + value.strip() + "'");
    }
  }
}
