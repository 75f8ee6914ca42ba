package org.shgledger.importing.register;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;

/**
 * A loan's terms as a row gives them ({@code loan_method}, {@code loan_monthly_rate}, {@code
 * loan_instalments}, {@code loan_frequency}, {@code loan_grace}), each blank term taken from the
 * group's {@link LoanDefaults} (no grace unless given).
 *
 * @param open empty for the group's default kind, else true for an open loan
 * @param method the schedule's method when given
 * @param monthlyRatePercent the rate per month when given
 * @param instalments the number of instalments when given
 * @param frequency how often instalments fall due, when given
 * @param grace the interest-only instalments at the start, when given
 */
record LoanSpec(Optional<Boolean> open, Optional<RepaymentMethod> method, Optional<BigDecimal> monthlyRatePercent,
    Optional<Integer> instalments, Optional<Frequency> frequency, Optional<Integer> grace) {

  static final String METHOD = "loan_method";
  static final String RATE = "loan_monthly_rate";
  static final String INSTALMENTS = "loan_instalments";
  static final String FREQUENCY = "loan_frequency";
  static final String GRACE = "loan_grace";
  /** The processing fee taken when the loan is paid out (read by the meeting import). */
  static final String FEE = "loan_fee";

  /** Reads the three loan columns of a row; problems go to the row's fields. */
  static LoanSpec read(Sheet.Fields fields) {
    Optional<String> methodText = fields.optional(METHOD, text -> {
      String name = text.toLowerCase(Locale.ROOT);
      if (!name.equals("flat") && !name.equals("emi") && !name.equals("equal-principal") && !name.equals("open")) {
        throw new IllegalArgumentException("\"" + text + "\" is not a loan method: write flat, emi, equal-principal or open");
      }
      return name;
    });
    Optional<BigDecimal> rate = fields.optional(RATE, text -> {
      BigDecimal value;
      try {
        value = new BigDecimal(text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a rate: write the percent per month, such as 2 or 1.5");
      }
      InterestRate.perMonth(value); // its reason says what range is allowed
      return value;
    });
    Optional<Integer> instalments = fields.optional(INSTALMENTS, text -> {
      int n;
      try {
        n = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a number of instalments: write a whole number such as 10");
      }
      if (n < 1 || n > LoanTerms.MAX_INSTALMENTS) {
        throw new IllegalArgumentException("a loan has 1 to " + LoanTerms.MAX_INSTALMENTS + " instalments, not " + n);
      }
      return n;
    });
    Optional<Frequency> frequency = fields.optional(FREQUENCY, text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "weekly" -> Frequency.WEEKLY;
      case "fortnightly" -> Frequency.FORTNIGHTLY;
      case "monthly" -> Frequency.MONTHLY;
      default -> throw new IllegalArgumentException(
          "\"" + text + "\" is not a loan frequency: write weekly, fortnightly or monthly");
    });
    Optional<Integer> grace = fields.optional(GRACE, text -> {
      int n;
      try {
        n = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a number of interest-only instalments: write a whole number such as 2");
      }
      if (n < 0 || n >= LoanTerms.MAX_INSTALMENTS) {
        throw new IllegalArgumentException("a loan's grace is 0 to " + (LoanTerms.MAX_INSTALMENTS - 1) + " instalments, not " + n);
      }
      return n;
    });
    Optional<Boolean> open = methodText.map("open"::equals);
    if (open.orElse(false) && instalments.isPresent()) {
      fields.add(INSTALMENTS, "an open loan has no instalments: leave loan_instalments blank or choose another method");
    }
    if (open.orElse(false) && (frequency.isPresent() || grace.isPresent())) {
      fields.add(frequency.isPresent() ? FREQUENCY : GRACE,
          "an open loan has no instalments: leave loan_frequency and loan_grace blank or choose another method");
    }
    Optional<RepaymentMethod> method = methodText.filter(m -> !m.equals("open"))
        .map(m -> RepaymentMethod.valueOf(m.toUpperCase(Locale.ROOT).replace('-', '_')));
    return new LoanSpec(open, method, rate, instalments, frequency, grace);
  }

  /** Whether any term is given. */
  boolean anyGiven() {
    return open.isPresent() || monthlyRatePercent.isPresent() || instalments.isPresent() || frequency.isPresent()
        || grace.isPresent();
  }

  /**
   * The loan's terms: what the row gives, the rest from the group's defaults, instalments rounded
   * as the group rounds ({@link LoanDefaults#termsFor} for a row that gives nothing).
   *
   * @throws IllegalArgumentException if the terms cannot be built
   */
  Loan terms(Group group, Money principal, LocalDate disbursed) {
    LoanDefaults defaults = group.loanDefaults();
    InterestRate rate = monthlyRatePercent.map(InterestRate::perMonth).orElse(defaults.rate());
    boolean isOpen = open.orElse(defaults.method().isEmpty());
    if (isOpen) {
      return OpenLoanTerms.of(principal, rate, disbursed);
    }
    RepaymentMethod chosen = method.orElseGet(() -> defaults.method().orElse(RepaymentMethod.FLAT));
    int count = instalments.orElse(defaults.instalments());
    LoanTerms terms = LoanTerms.of(principal, rate, chosen, count, frequency.orElse(defaults.frequency()), disbursed)
        .withInstalmentMultiple(group.rounding().step(principal.getCurrencyUnit()))
        .withInstalmentRounding(group.rounding().mode());
    return grace.isPresent() ? terms.withInterestOnlyInstalments(grace.get()) : terms;
  }

  /**
   * The deterministic id of the loan a member is given on a day: {@code yyyyMMdd-MEMBER}, or when
   * that is longer than {@link LoanId#MAX_LENGTH}, {@code yyyyMMdd-} and the first 15 hex digits
   * of the SHA-256 of the member id.
   */
  static LoanId loanId(LocalDate date, MemberId member) {
    String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
    String id = day + "-" + member.value();
    if (id.length() <= LoanId.MAX_LENGTH) {
      return LoanId.of(id);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(member.value().getBytes(StandardCharsets.UTF_8));
      return LoanId.of(day + "-" + HexFormat.of().formatHex(hash).substring(0, 15));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
