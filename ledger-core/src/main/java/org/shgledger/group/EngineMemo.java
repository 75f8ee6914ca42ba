package org.shgledger.group;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every memo the engine and its importers write, as one catalogue: each kind an English pattern with
 * placeholders {@code {0}}, {@code {1}} for its arguments, a way to compose the memo and a way to
 * recognise a stored memo as its kind and arguments.
 *
 * <p>The journal keeps the memo as it was written, in English: it is append-only and each entry's
 * hash covers its memo. A report in another language recognises a stored memo here and prints its
 * own words for the kind with the same arguments, so Hindi books say what the entry was in Hindi
 * without any entry being rewritten. A memo this catalogue does not recognise (a bank's narration,
 * a description a user typed) is printed as stored.
 *
 * <p>The English patterns never change: the entries recorded before entries carried their kind are
 * classified by their memos ({@link LegacyKinds}), and every recorded memo must still be
 * recognised. A new memo is a new kind. A property test holds {@link #compose} and {@link
 * #recognise} together: a composed memo is recognised as the same kind with the same arguments.
 */
public enum EngineMemo {

  /** A member's compulsory saving: {@code M01 saves (compulsory)}. */
  SAVES_COMPULSORY("{0} saves (compulsory)", Argument.MEMBER),
  /** A member's voluntary saving. */
  SAVES_VOLUNTARY("{0} saves (voluntary)", Argument.MEMBER),
  /** A member takes out compulsory savings. */
  WITHDRAWS_COMPULSORY("{0} withdraws savings (compulsory)", Argument.MEMBER),
  /** A member takes out voluntary savings. */
  WITHDRAWS_VOLUNTARY("{0} withdraws savings (voluntary)", Argument.MEMBER),
  /** A fine with no reason given. */
  FINED("{0} fined", Argument.MEMBER),
  /** A fine and its reason: {@code M01 fined: late}. */
  FINED_FOR("{0} fined: {1}", Argument.MEMBER, Argument.TEXT),
  /** The reason the meeting register's import gives a fine: {@code fine at the meeting of 2024-04-10}. */
  FINE_AT_MEETING("fine at the meeting of {0}", Argument.DATE),
  /** Cash paid into the bank. */
  CASH_BANKED("cash banked"),
  /** Cash drawn from the bank. */
  CASH_DRAWN("cash drawn from bank"),
  /** The bank's interest on the group's account. */
  BANK_INTEREST("interest credited by bank"),
  /** The bank's charges. */
  BANK_CHARGES("bank charges"),
  /** A bank-linkage loan received. */
  BANK_LOAN_RECEIVED("bank loan received"),
  /** An instalment of the bank loan. */
  BANK_LOAN_INSTALMENT("bank loan instalment"),
  /** A loan from the federation received. */
  FEDERATION_LOAN_RECEIVED("federation loan received"),
  /** A repayment to the federation. */
  FEDERATION_LOAN_REPAYMENT("federation loan repayment"),
  /** A revolving-fund or other grant. */
  GRANT_RECEIVED("revolving fund grant received"),
  /** An expense with no description. */
  EXPENSE("expense"),
  /** An expense and what it was for: {@code expense: register}. */
  EXPENSE_FOR("expense: {0}", Argument.TEXT),
  /** A member's gift to the welfare fund. */
  WELFARE_GIFT("{0} gives to the welfare fund", Argument.MEMBER),
  /** Help paid from the welfare fund, with no description. */
  WELFARE_PAYMENT("paid from the welfare fund"),
  /** Help paid from the welfare fund and what it was for. */
  WELFARE_PAYMENT_FOR("paid from the welfare fund: {0}", Argument.TEXT),
  /** Other income with no description. */
  OTHER_INCOME("other income"),
  /** Other income and what it was: {@code other income: membership fees}. */
  OTHER_INCOME_FOR("other income: {0}", Argument.TEXT),
  /** A loan paid out to a member: {@code loan 20240510-M02 to M02}. */
  LOAN_DISBURSED("loan {0} to {1}", Argument.LOAN, Argument.MEMBER),
  /** A member's repayment of her loan. */
  LOAN_REPAYMENT("repayment of loan {0} by {1}", Argument.LOAN, Argument.MEMBER),
  /** A member's payment that settles her loan early. */
  LOAN_SETTLEMENT("settlement of loan {0} by {1}", Argument.LOAN, Argument.MEMBER),
  /** A member's exit settlement. */
  EXIT_SETTLEMENT("{0} leaves: settlement", Argument.MEMBER),
  /** The year-end closing entry. */
  YEAR_END("year end: income and expense closed into surplus"),
  /** The surplus distributed to members. */
  SURPLUS_DISTRIBUTED("surplus distributed in proportion to savings"),
  /** The share-out. */
  SHARE_OUT("share-out: savings and shares paid to members"),
  /** The share-out of version 1, which paid out the whole fund, grants included; old books hold it. */
  SHARE_OUT_WHOLE_FUND("share-out: the whole fund paid to members"),
  /** The opening entry of balances carried over from paper books. */
  OPENING_BALANCES("opening balances from the paper books as of {0}", Argument.DATE),
  /** A bank statement's line that has no narration. */
  BANK_LINE("Bank line"),
  /** The reversal half of a reclassified bank line, with the line's memo: {@code Reclassified: BY CASH}. */
  RECLASSIFIED("Reclassified: {0}", Argument.TEXT),
  /** A reversal with no reason given: {@code reversal of SHG01-2024-05-04-SAVE-M01}. */
  REVERSAL("reversal of {0}", Argument.ENTRY),
  /** A reversal and its reason. */
  REVERSAL_FOR("reversal of {0}: {1}", Argument.ENTRY, Argument.TEXT);

  /** What an argument of a memo is, and the text it may be. */
  public enum Argument {
    /** A member's id ({@link MemberId}). */
    MEMBER("[A-Za-z0-9][A-Za-z0-9_-]*"),
    /** A loan's id ({@link LoanId}). */
    LOAN("[A-Za-z0-9][A-Za-z0-9_-]*"),
    /** An entry's id ({@link org.shgledger.journal.EntryId}). */
    ENTRY("[A-Za-z0-9][A-Za-z0-9._:/-]*"),
    /** A day, as ISO 8601 writes it: {@code 2024-04-10}. */
    DATE("[+-]?\\d{4,9}-\\d{2}-\\d{2}"),
    /**
     * Words: a reason, a description, a narration, another memo. A report shows them as stored, or,
     * when they are themselves a memo of this catalogue (a fine's reason the meeting import wrote,
     * the line a reclassification reverses), in its own words.
     */
    TEXT(".*");

    private final Pattern pattern;

    Argument(String regex) {
      this.pattern = Pattern.compile(regex, Pattern.DOTALL);
    }

    /** Whether the text can be this argument. */
    boolean accepts(String text) {
      if (!pattern.matcher(text).matches()) {
        return false;
      }
      if (this == DATE) {
        try {
          return LocalDate.parse(text).toString().equals(text);
        } catch (DateTimeParseException e) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A stored memo recognised: its kind and the text of each argument, in the pattern's order.
   *
   * @param kind the kind, not null
   * @param arguments one text per placeholder of the kind's pattern, not null
   */
  public record Recognised(EngineMemo kind, List<String> arguments) {
    /**
     * Copies the arguments and checks that they fit the kind.
     *
     * @param kind the kind, not null
     * @param arguments one text per placeholder of the kind's pattern, not null
     */
    public Recognised {
      Objects.requireNonNull(kind, "kind");
      arguments = List.copyOf(arguments);
      if (arguments.size() != kind.arguments().size()) {
        throw new IllegalArgumentException(kind + " has " + kind.arguments().size() + " arguments, not "
            + arguments.size());
      }
    }
  }

  /** The placeholders of a pattern, in a class of its own: an enum's constructor reads no static field of its own. */
  private static final class Placeholder {
    static final Pattern PATTERN = Pattern.compile("\\{(\\d)}");
  }

  private final String english;
  private final List<Argument> arguments;
  private final Pattern recogniser;

  EngineMemo(String english, Argument... arguments) {
    this.english = english;
    this.arguments = List.of(arguments);
    StringBuilder regex = new StringBuilder();
    Matcher placeholder = Placeholder.PATTERN.matcher(english);
    int literalFrom = 0;
    while (placeholder.find()) {
      regex.append(Pattern.quote(english.substring(literalFrom, placeholder.start())));
      regex.append('(').append(arguments[Integer.parseInt(placeholder.group(1))].pattern.pattern()).append(')');
      literalFrom = placeholder.end();
    }
    regex.append(Pattern.quote(english.substring(literalFrom)));
    this.recogniser = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * The English pattern, as the journal stores the memo: {@code loan {0} to {1}}.
   *
   * @return the pattern, with a placeholder {@code {i}} for argument {@code i}, not null
   */
  public String english() {
    return english;
  }

  /**
   * What each placeholder stands for, in order.
   *
   * @return the arguments, possibly empty, not null
   */
  public List<Argument> arguments() {
    return arguments;
  }

  /**
   * The name of this kind in lower case, {@code loan_disbursed}: what a translation keys its words
   * by.
   *
   * @return the key, not null
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The memo of this kind with these arguments, in English, as the journal stores it.
   *
   * @param values one text per placeholder, in order: ids and dates as their {@code toString}
   *     writes them, and any words; not null
   * @return the memo, not null
   * @throws IllegalArgumentException if the number of values is wrong or a value cannot be its
   *     argument (an id with a space, a day that is not one), so that every memo composed is
   *     recognised
   */
  public String compose(String... values) {
    Objects.requireNonNull(values, "values");
    if (values.length != arguments.size()) {
      throw new IllegalArgumentException(this + " takes " + arguments.size() + " arguments, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      Objects.requireNonNull(values[i], "value");
      if (!arguments.get(i).accepts(values[i])) {
        throw new IllegalArgumentException(this + ": '" + values[i] + "' is not a " + arguments.get(i));
      }
    }
    // one pass over the pattern, so that a value that holds "{1}" is never filled in again
    StringBuilder memo = new StringBuilder();
    Matcher placeholder = Placeholder.PATTERN.matcher(english);
    int literalFrom = 0;
    while (placeholder.find()) {
      memo.append(english, literalFrom, placeholder.start()).append(values[Integer.parseInt(placeholder.group(1))]);
      literalFrom = placeholder.end();
    }
    return memo.append(english.substring(literalFrom)).toString();
  }

  /**
   * The kind and arguments of a stored memo, if the engine wrote it: {@code repayment of loan
   * 20240510-M02 by M02} is {@link #LOAN_REPAYMENT} of {@code 20240510-M02} and {@code M02}.
   *
   * @param memo the memo as stored, not null
   * @return the kind and arguments, or empty for a memo of no kind here (a bank's narration, words
   *     a user typed), not null
   */
  public static Optional<Recognised> recognise(String memo) {
    Objects.requireNonNull(memo, "memo");
    for (EngineMemo kind : values()) {
      Matcher matcher = kind.recogniser.matcher(memo);
      if (matcher.matches()) {
        String[] values = new String[kind.arguments.size()];
        // the groups come in the pattern's order, which may differ from the arguments' numbering
        Matcher placeholder = Placeholder.PATTERN.matcher(kind.english);
        for (int group = 1; placeholder.find(); group++) {
          values[Integer.parseInt(placeholder.group(1))] = matcher.group(group);
        }
        if (kind.accepts(values)) {
          return Optional.of(new Recognised(kind, List.of(values)));
        }
      }
    }
    return Optional.empty();
  }

  private boolean accepts(String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!arguments.get(i).accepts(values[i])) {
        return false;
      }
    }
    return true;
  }
}
