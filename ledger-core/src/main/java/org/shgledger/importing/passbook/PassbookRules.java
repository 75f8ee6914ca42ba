package org.shgledger.importing.passbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.shgledger.group.Chart;
import org.shgledger.group.MemberId;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.AccountCode;

/**
 * Which account takes the other side of a passbook line, chosen by its narration.
 *
 * <p>A rules file has one rule a line, {@code PATTERN -> ACCOUNT}: PATTERN is a regular expression
 * found anywhere in the narration, ignoring case; ACCOUNT a chart code, optionally {@code :MEMBER}
 * for a member's sub-ledger ({@code 2000:M01}), or {@code register} for a line the meeting
 * register records through the bank ({@code channel} {@code bank}), which the passbook import then
 * leaves to it (see {@link Rule#leftToRegister()}). {@code #} starts a comment; blank lines are
 * skipped; the first rule that matches wins; a narration no rule matches goes to {@link
 * Chart#SUSPENSE}. Immutable.
 *
 * <p>A rule names one of a closed set of targets: an account of the chart that no engine event
 * owns, a member's savings ({@code 2000:M01}, which the import checks against her membership on
 * each line's date), or {@code register}. A rule naming an account the engine owns (a member's
 * loan, 1200 and its sub-ledgers; the accumulated surplus, 3100; interest on member loans, 4000;
 * see {@link Chart#ownedByEngine}) is refused when the file is read, naming its line and the
 * command to use instead.
 *
 * <p>A rules file is the user's own regular expressions run on text from outside (a bank's
 * narrations), so matching is bounded: a pattern sees at most the first {@value
 * #MAX_NARRATION_CHARS} characters of a narration, and gives up after {@value #MAX_MATCH_STEPS}
 * steps (characters read by the regular-expression engine) on one narration, throwing {@link
 * PatternTooSlowException} naming the rule. A pattern that can match the same text in very many
 * ways, such as {@code (.*a){12}b}, can otherwise take longer than anyone can wait on a narration
 * of a few dozen characters ("catastrophic backtracking"); an ordinary pattern on an ordinary
 * narration takes a few thousand steps, and even a quadratic one such as {@code .*x.*y} on the
 * longest narration stays within the budget.
 */
public final class PassbookRules {

  /** The most rules in one file. */
  public static final int MAX_RULES = 1_000;

  /** The longest rules line, in characters. */
  public static final int MAX_LINE_CHARS = 1_000;

  /** How much of a narration the patterns see, in characters. */
  public static final int MAX_NARRATION_CHARS = 1_000;

  /** How many characters one pattern may read while matching one narration before it gives up. */
  public static final long MAX_MATCH_STEPS = 10_000_000;

  private static final Pattern ACCOUNT = Pattern.compile("(\\d{4})(?::([A-Za-z0-9][A-Za-z0-9_-]*))?");

  /**
   * The built-in rules, used when no file is given: bank charges; NRLM's Community Investment Fund,
   * a loan from the village organisation (2300); interest subvention (4400); interest the bank
   * debits on a loan, a cost (5000); loan disbursals and repayments; interest credited on savings;
   * grants and the Revolving Fund, the group's corpus (3000); then cash deposits and withdrawals.
   * docs/engine.md says which NRLM guidance each follows.
   */
  public static final PassbookRules DEFAULT =
      parse(
          "built-in rules",
          String.join(
              "\n",
              "# charges first: \"SMS CHARGES\" is a charge, not an SMS",
              "charge|chrg|chgs|\\bfee\\b|\\bsms\\b|\\bgst\\b|min(imum)?\\.? bal -> 5100",
              "# the Community Investment Fund is a loan from the village organisation, not a grant",
              "\\bcif\\b|community invest(ment)? fund -> 2300",
              "subvention|\\bint(erest)?\\.? ?subsidy\\b -> 4400",
              "# interest the bank charges on the group's loan is a cost, not the savings interest below",
              "(loan|\\bod\\b|\\bcc\\b).*\\bint(erest)?\\b.*(debit|\\bdr\\b|charged|applied)"
                  + "|\\bint(erest)?\\.? ?(debited|dr|charged|applied)\\b|interest on (loan|od|cc) -> 5000",
              "loan.*(disb|disburs)|\\bdisb(ursal|ursement)?\\b|\\bcc limit\\b -> 2200",
              "\\b(emi|loan (repay|recovery|inst))|instal+ment -> 2200",
              "interest|\\bint\\.? ?(pd|paid|cr|credit)\\b|\\bsb int\\b -> 4200",
              "grant|revolving fund|\\brf\\b -> 3000",
              "cash|\\bcsh\\b|\\bby self\\b|\\batm\\b -> 1000"));

  /** The word that leaves a line to the meeting register. */
  public static final String REGISTER = "register";

  /**
   * One rule.
   *
   * @param pattern the narration pattern, case-insensitive, not null
   * @param account the account it sends lines to; the bank account itself ({@link Chart#BANK})
   *     for a rule that leaves lines to the meeting register, not null
   * @param source where it was written, for messages ({@code file:line:column} of its account),
   *     not null
   */
  public record Rule(Pattern pattern, AccountCode account, String source) {

    /**
     * Creates a rule.
     *
     * @param pattern the narration pattern, case-insensitive, not null
     * @param account the account it sends lines to; the bank account itself ({@link Chart#BANK})
     *     for a rule that leaves lines to the meeting register, not null
     * @param source where it was written, for messages ({@code file:line:column} of its account),
     *     not null
     * @throws NullPointerException if an argument is null
     */
    public Rule {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(source, "source");
    }

    /**
     * Whether the rule leaves its lines to the meeting register ({@code -> register}): a bank line
     * whose other side is the bank account itself is one the books hold already, recorded by the
     * register with {@code channel} {@code bank}; the passbook import records nothing for it.
     *
     * @return true for {@code -> register}
     */
    public boolean leftToRegister() {
      return account.equals(Chart.BANK);
    }
  }

  /** A rule's pattern gave up on a narration: it took more than {@link #MAX_MATCH_STEPS} steps. */
  public static final class PatternTooSlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The rule. */
    private final transient Rule rule;

    /**
     * Creates the exception.
     *
     * @param rule the rule whose pattern gave up, not null
     */
    public PatternTooSlowException(Rule rule) {
      super("the pattern of the rule at " + rule.source() + " gave up after " + MAX_MATCH_STEPS + " steps");
      this.rule = rule;
    }

    /**
     * The rule whose pattern gave up.
     *
     * @return the rule, not null
     */
    public Rule rule() {
      return rule;
    }
  }

  /**
   * A narration as the regular-expression engine reads it, one character at a time, counting:
   * past the budget it throws, so a pattern that backtracks without end is stopped at once.
   */
  private static final class Budgeted implements CharSequence {
    private final String text;
    private long left = MAX_MATCH_STEPS;

    Budgeted(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw OutOfSteps.INSTANCE;
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Thrown out of the matcher when the budget is spent; no stack trace, it is caught at once. */
  private static final class OutOfSteps extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final OutOfSteps INSTANCE = new OutOfSteps();

    private OutOfSteps() {
      super("out of steps", null, false, false);
    }
  }

  private final List<Rule> rules;

  private PassbookRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Reads a rules file (UTF-8).
   *
   * @param file the file, not null
   * @return the rules, not null
   * @throws ImportException naming {@code file:line:column} of every bad rule, or line 0 if the
   *     file cannot be read
   */
  public static PassbookRules read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      if (Files.size(file) > (long) MAX_RULES * MAX_LINE_CHARS) {
        throw new ImportException(new ImportProblem(file.toString(), 0, 0, "the rules file is too large"));
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new ImportException(
          new ImportProblem(file.toString(), 0, 0, "the rules file is not UTF-8 text"));
    } catch (IOException e) {
      throw new ImportException(
          new ImportProblem(file.toString(), 0, 0, "cannot read the rules file: " + e.getMessage()));
    }
    return parse(file.toString(), text);
  }

  /**
   * Reads rules from text.
   *
   * @param name the file's name for messages, not null
   * @param text the rules, not null
   * @return the rules, not null
   * @throws ImportException naming {@code name:line:column} of every bad rule
   */
  public static PassbookRules parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    ImportProblems problems = new ImportProblems(100);
    List<Rule> rules = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new StringReader(text.replace("\uFEFF", "")));
    try {
      long lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
          continue;
        }
        if (line.length() > MAX_LINE_CHARS) {
          problems.add(new ImportProblem(name, lineNumber, 0, "the rule is longer than "
              + MAX_LINE_CHARS + " characters"));
          continue;
        }
        int arrow = line.lastIndexOf("->");
        if (arrow < 0) {
          problems.add(new ImportProblem(name, lineNumber, 1,
              "a rule is PATTERN -> ACCOUNT, such as: interest -> 4200"));
          continue;
        }
        String patternText = line.substring(0, arrow).strip();
        String accountText = line.substring(arrow + 2).strip();
        int accountColumn = line.indexOf(accountText, arrow + 2) + 1;
        if (patternText.isEmpty()) {
          problems.add(new ImportProblem(name, lineNumber, 1, "the pattern is empty"));
          continue;
        }
        Pattern pattern;
        try {
          pattern = Pattern.compile(patternText, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
          int column = line.indexOf(patternText) + Math.max(e.getIndex(), 0) + 1;
          problems.add(new ImportProblem(name, lineNumber, column,
              "not a regular expression: " + e.getDescription()));
          continue;
        }
        if (accountText.equalsIgnoreCase(REGISTER)) {
          if (rules.size() == MAX_RULES) {
            problems.add(new ImportProblem(name, lineNumber, 0, "more than " + MAX_RULES + " rules"));
            break;
          }
          rules.add(new Rule(pattern, Chart.BANK, name + ":" + lineNumber + ":" + Math.max(accountColumn, 1)));
          continue;
        }
        Matcher account = ACCOUNT.matcher(accountText);
        if (!account.matches()) {
          problems.add(new ImportProblem(name, lineNumber, Math.max(accountColumn, 1),
              "\"" + accountText + "\" is not an account: write a chart code such as 4200,"
                  + " 2000:M01 for a member's sub-ledger, or register"));
          continue;
        }
        AccountCode code = AccountCode.of(account.group(1));
        if (code.equals(Chart.BANK)) {
          problems.add(new ImportProblem(name, lineNumber, Math.max(accountColumn, 1),
              "the bank account " + Chart.BANK + " cannot be the other side of a bank line: write register"
                  + " for a line the meeting register records through the bank"));
          continue;
        }
        if (account.group(2) != null) {
          code = Chart.memberAccount(code, MemberId.of(account.group(2)));
        }
        java.util.Optional<String> owned = Chart.ownedByEngine(code);
        if (owned.isPresent()) {
          problems.add(new ImportProblem(name, lineNumber, Math.max(accountColumn, 1),
              "a rule may not send bank lines to " + owned.get()));
          continue;
        }
        if (rules.size() == MAX_RULES) {
          problems.add(new ImportProblem(name, lineNumber, 0, "more than " + MAX_RULES + " rules"));
          break;
        }
        rules.add(new Rule(pattern, code, name + ":" + lineNumber + ":" + Math.max(accountColumn, 1)));
      }
    } catch (IOException e) {
      throw new AssertionError("reading a string cannot fail", e);
    }
    problems.throwIfAny();
    return new PassbookRules(rules);
  }

  /**
   * The rules in order.
   *
   * @return the rules, not null
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The account for a narration: the first matching rule's, or Suspense. The patterns see the
   * first {@value #MAX_NARRATION_CHARS} characters of the narration.
   *
   * @param narration the narration, not null
   * @return the account, not null
   * @throws PatternTooSlowException if a pattern takes more than {@value #MAX_MATCH_STEPS} steps
   *     on the narration
   */
  public AccountCode accountFor(String narration) {
    Objects.requireNonNull(narration, "narration");
    String seen = narration.length() <= MAX_NARRATION_CHARS ? narration : narration.substring(0, MAX_NARRATION_CHARS);
    for (Rule rule : rules) {
      boolean found;
      try {
        found = rule.pattern().matcher(new Budgeted(seen)).find();
      } catch (OutOfSteps e) {
        throw new PatternTooSlowException(rule);
      } catch (StackOverflowError e) {
        // deep recursion in the engine (a long alternation repeated) is the same trouble
        throw new PatternTooSlowException(rule);
      }
      if (found) {
        return rule.account();
      }
    }
    return Chart.SUSPENSE;
  }
}
