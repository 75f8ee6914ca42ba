package org.shgledger.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;

/**
 * The programme's targets, read from a file of {@code key = number} lines:
 *
 * <pre>
 * # Commitment: 200 groups, 3,000 women and girls, 1,000 children in school
 * groups = 200
 * members = 3,000
 * children_enrolled = 1000
 * training.orientation = 3000
 * </pre>
 *
 * <p>A key is an indicator's ({@link ProgrammeIndicators#keys()}, or {@code training.TOPIC});
 * a number is positive, with an optional decimal point, and may be grouped with commas as people
 * write it ({@code 3,000} or {@code 1,00,000}). Blank lines and lines starting with {@code #} are
 * ignored. An amount's target is in the groups' currency.
 */
public final class Targets {

  /** The most lines a targets file may have. */
  public static final int MAX_LINES = 1_000;

  /** The longest line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 200;

  /** The key of a targets file's line that gives the commitment's length in whole years. */
  public static final String YEARS = "years";

  /** The key of a targets file's line that gives the commitment's first day, yyyy-mm-dd. */
  public static final String START = "start";

  /** The longest commitment, in years. */
  public static final int MAX_YEARS = 50;

  /** The name that selects {@link #commitment()} where a file is expected ({@code --targets commitment}). */
  public static final String COMMITMENT = "commitment";

  private static final Pattern START_LINE = Pattern.compile(START + "\\s*=\\s*([0-9]{4}-[0-9]{2}-[0-9]{2})");

  private static final Pattern LINE = Pattern.compile(
      "([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9-]*)?)\\s*=\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)");

  /** One target and the line it came from. */
  private record Target(BigDecimal value, int line) {}

  private final String source;
  private final Map<String, Target> targets;
  private final Optional<Integer> years;
  private final Optional<LocalDate> start;

  private Targets(String source, Map<String, Target> targets, Optional<Integer> years, Optional<LocalDate> start) {
    this.source = source;
    this.targets = targets;
    this.years = years;
    this.start = start;
  }

  /**
   * No targets.
   *
   * @return the empty targets, not null
   */
  public static Targets none() {
    return new Targets("no file", Map.of(), Optional.empty(), Optional.empty());
  }

  /**
   * The targets of the seed programme's commitment over five years (issue 18): 200 groups; 3,000
   * women and girls registered, 1,000 adolescent and 2,000 adult; 3,000 with a bank account and
   * saving; 1,000 children in mainstream school and 1,000 in bridge courses; 2,000 trained on
   * enrolling and monitoring children; orientation, and human rights and leadership, for 3,000. The
   * commitment's other targets (people reached by advocacy, women earning an income, access to
   * capital) have no indicator yet and are left out. Its start is not given: it is the day the
   * first of the groups counted was formed.
   *
   * @return the targets, with {@link #years()} 5, not null
   */
  public static Targets commitment() {
    try (InputStream in = Targets.class.getResourceAsStream("commitment-targets.txt")) {
      if (in == null) {
        throw new IllegalStateException("commitment-targets.txt is missing from the class path");
      }
      return parse(COMMITMENT, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the commitment's targets", e);
    }
  }

  /**
   * The commitment's length, from a line {@code years = N}.
   *
   * @return whole years, 1 to {@value #MAX_YEARS}, or empty when the file gives none
   */
  public Optional<Integer> years() {
    return years;
  }

  /**
   * The commitment's first day, from a line {@code start = yyyy-mm-dd}.
   *
   * @return the day, or empty when the file gives none
   */
  public Optional<LocalDate> start() {
    return start;
  }

  /**
   * Reads targets from a file's lines.
   *
   * @param source the file's name, for messages, not null
   * @param lines the lines, not null
   * @return the targets, not null
   * @throws ProgrammeException {@link ProgrammeRejection#INVALID_TARGET} naming the file and
   *     line of a line that is not {@code key = number}, a number that is not positive, a key
   *     given twice, or a file too long
   */
  public static Targets parse(String source, List<String> lines) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(lines, "lines");
    if (lines.size() > MAX_LINES) {
      throw invalid(source + ": a targets file has at most " + MAX_LINES + " lines, not " + lines.size());
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    Optional<LocalDate> start = Optional.empty();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + number + ": ";
      if (line.length() > MAX_LINE_LENGTH) {
        throw invalid(where + "the line is longer than " + MAX_LINE_LENGTH + " characters");
      }
      Matcher startLine = START_LINE.matcher(line);
      if (startLine.matches()) {
        if (start.isPresent()) {
          throw invalid(where + "the start is given twice");
        }
        try {
          start = Optional.of(LocalDate.parse(startLine.group(1)));
        } catch (DateTimeParseException e) {
          throw invalid(where + "'" + startLine.group(1) + "' is not a date");
        }
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        throw invalid(where + "'" + line + "' is not key = number, such as members = 3000");
      }
      String digits = matcher.group(2);
      if (digits.endsWith(",") || digits.contains(",,")) {
        throw invalid(where + "'" + digits + "' is not a number");
      }
      BigDecimal value = new BigDecimal(digits.replace(",", ""));
      if (value.signum() <= 0) {
        throw invalid(where + "the target of " + matcher.group(1) + " must be more than zero");
      }
      Target earlier = targets.putIfAbsent(matcher.group(1), new Target(value, number));
      if (earlier != null) {
        throw invalid(where + matcher.group(1) + " has a target already, on line " + earlier.line());
      }
    }
    Optional<Integer> years = Optional.empty();
    Target length = targets.remove(YEARS);
    if (length != null) {
      BigDecimal value = length.value();
      if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(MAX_YEARS)) > 0) {
        throw invalid(source + ":" + length.line() + ": years must be a whole number of 1 to " + MAX_YEARS);
      }
      years = Optional.of(value.intValueExact());
    }
    return new Targets(source, targets, years, start);
  }

  /**
   * The keys that have targets, in the file's order.
   *
   * @return the keys, not null
   */
  public Set<String> keys() {
    return targets.keySet();
  }

  /**
   * A key's target.
   *
   * @param key the key, not null
   * @return the target, or empty
   */
  public Optional<BigDecimal> get(String key) {
    return Optional.ofNullable(targets.get(Objects.requireNonNull(key, "key"))).map(Target::value);
  }

  /** See {@link IndicatorReport#withTargets(Targets)}. */
  IndicatorReport applyTo(IndicatorReport report) {
    List<IndicatorLine> lines = new ArrayList<>(report.lines());
    List<String> known = ProgrammeIndicators.keys();
    for (Map.Entry<String, Target> entry : targets.entrySet()) {
      String key = entry.getKey();
      Target target = entry.getValue();
      String where = source + ":" + target.line() + ": ";
      boolean training = key.startsWith(ProgrammeIndicators.TRAINING_PREFIX);
      if (!training && !known.contains(key)) {
        throw invalid(where + "there is no indicator '" + key + "'; the indicators are " + String.join(", ", known)
            + " and training.TOPIC");
      }
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).key().equals(key)) {
          matching.add(i);
        }
      }
      if (matching.isEmpty() && training) {
        // a topic with a target and no session yet: nobody trained so far
        TrainingTopic topic = topic(where, key.substring(ProgrammeIndicators.TRAINING_PREFIX.length()));
        lines.add(IndicatorLine.of(ProgrammeIndicators.trainedIn(topic), Optional.empty(), true, Optional.empty(),
            Value.count(0)));
        matching.add(lines.size() - 1);
      }
      boolean amount = matching.stream().anyMatch(i -> lines.get(i).value() instanceof Value.Amount);
      if (amount && matching.size() > 1) {
        throw invalid(where + "the groups keep books in " + matching.size() + " currencies; the target of " + key
            + " cannot say which");
      }
      for (int i : matching) {
        IndicatorLine line = lines.get(i);
        if (line.value() instanceof Value.Amount money) {
          CurrencyUnit currency = money.value().getCurrencyUnit();
          if (target.value().stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            throw invalid(where + "the target of " + key + " has more decimals than " + currency + " has");
          }
        }
        lines.set(i, line.withTarget(target.value(), percentOf(line.value(), target.value())));
      }
    }
    return report.with(lines, report.suppressedBelow());
  }

  /** How far a value has come towards its target, rounded down to one decimal. */
  private static Value percentOf(Value value, BigDecimal target) {
    if (value instanceof Value.Count count) {
      return ProgrammeIndicators.percent(BigDecimal.valueOf(count.value()), target, 1);
    }
    if (value instanceof Value.Amount amount) {
      return ProgrammeIndicators.percent(amount.value().getAmount(), target, 1);
    }
    if (value instanceof Value.Percent percent) {
      return ProgrammeIndicators.percent(percent.value(), target, 1);
    }
    // withheld stays withheld: with the target, the percentage would give the count away
    return value;
  }

  private static TrainingTopic topic(String where, String text) {
    try {
      return TrainingTopic.of(text);
    } catch (IllegalArgumentException e) {
      throw invalid(where + e.getMessage());
    }
  }

  private static ProgrammeException invalid(String message) {
    return new ProgrammeException(ProgrammeRejection.INVALID_TARGET, message);
  }
}
