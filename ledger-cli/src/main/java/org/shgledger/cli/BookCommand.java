package org.shgledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalReader;
import org.shgledger.money.MoneyFormats;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command that records on, or keeps a register of, one group's books shares: the
 * database options, the group's code ({@link GroupParameter}), and opening the books. The
 * books must exist ({@link DbOptions#openExisting()}), so a mistyped {@code --db} is an error
 * (exit 5) rather than a new empty database; an unknown group is {@code GROUP_NOT_FOUND} (exit 4).
 *
 * <p>A subclass implements {@link #run()}, using {@link #engine}, {@link #group} and {@link #out};
 * the engine's refusals propagate to {@link ErrorHandler}. One that needs more of the open books
 * than the engine takes it in {@link #opened}.
 */
abstract class BookCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DbOptions db;

  @Mixin GroupParameter groupParameter;

  /** The group's code, while {@link #run()} runs. */
  BookId code;

  /** The engine over the open books, while {@link #run()} runs. */
  SavingsGroups engine;

  /** The group's definition, while {@link #run()} runs. */
  Group group;

  /** Standard output. */
  PrintWriter out;

  @Override
  public final Integer call() {
    out = spec.commandLine().getOut();
    code = groupParameter.code();
    try (LedgerStore store = db.openExisting()) {
      engine = store.engine();
      group = engine.group(code);
      opened(store);
      run();
    } catch (IdWalk.Exhausted e) {
      throw usage(e.getMessage());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Takes what the command needs of the open books besides the engine, before {@link #run()};
   * nothing by default.
   *
   * @param store the open books, not null
   */
  void opened(LedgerStore store) {}

  /** Does the command's work on the open books. */
  abstract void run();

  /** A wrong command line, found after parsing: exit 2 with this one-line reason. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** The group's journal. */
  JournalReader journal() {
    return engine.journal();
  }

  /**
   * Reads a positive amount in the group's currency, written as people write it ({@code 1,000},
   * {@code 1,00,000.50}, {@code ₹500}); anything else is a usage error naming the option.
   *
   * @param option the option's name, for the message, not null
   * @param text what was given, not null
   * @return the amount, positive, not null
   */
  Money amount(String option, String text) {
    Money amount = zeroOrMore(option, text);
    if (amount.isZero()) {
      throw usage(option + " must be more than zero, not " + text);
    }
    return amount;
  }

  /**
   * Reads an amount of zero or more in the group's currency (the interest part of a repayment).
   *
   * @param option the option's name, for the message, not null
   * @param text what was given, not null
   * @return the amount, zero or positive, not null
   */
  Money zeroOrMore(String option, String text) {
    Money amount;
    try {
      amount = MoneyFormats.parse(text, group.currency());
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
    if (amount.isNegative()) {
      throw usage(option + " cannot be negative: " + text);
    }
    return amount;
  }

  /**
   * A free text (a reason, a description) of at most {@link GroupOperation#MAX_TEXT_LENGTH}
   * characters, on one line.
   *
   * @param option the option's name, for the message, not null
   * @param value what was given, not null
   * @return the text, stripped, not null
   */
  String text(String option, String value) {
    String text = value.strip();
    if (text.length() > GroupOperation.MAX_TEXT_LENGTH) {
      throw usage(option + " is at most " + GroupOperation.MAX_TEXT_LENGTH + " characters, not " + text.length());
    }
    try {
      // the library's rule for text people write, checked here so that the option is named
      return org.shgledger.journal.PlainText.checkDescription(option, text);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }
}
