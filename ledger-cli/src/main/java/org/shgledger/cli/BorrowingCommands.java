package org.shgledger.cli;

import java.math.BigDecimal;
import org.joda.money.Money;
import org.shgledger.cli.Words.ChannelWord;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupOperation;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.MoneyFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the group itself borrows: {@code shg bank-loan receive|repay} (SHG–bank linkage, always
 * through the group's bank account) and {@code shg federation-loan receive|repay} (from the
 * cluster or federation, cash or bank).
 */
final class BorrowingCommands {

  private BorrowingCommands() {}

  /** The repayment options shared by both lenders: principal and interest, either may be zero. */
  abstract static class Repayment extends RecordingCommand {
    @Option(names = "--principal", defaultValue = "0", paramLabel = "AMOUNT",
        description = "The part that repays the loan. Default: ${DEFAULT-VALUE}.")
    String principal;

    @Option(names = "--interest", defaultValue = "0", paramLabel = "AMOUNT",
        description = "The interest paid, an expense of the group (5000). Default: ${DEFAULT-VALUE}.")
    String interest;

    Money principal() {
      return zeroOrMore("--principal", principal);
    }

    Money interest() {
      Money interest = zeroOrMore("--interest", this.interest);
      if (interest.isZero() && principal().isZero()) {
        throw usage("a repayment needs --principal or --interest (or both) above zero");
      }
      return interest;
    }
  }

  /** {@code shg bank-loan}: the loan a bank gives the group under SHG–bank linkage. */
  @Command(
      name = "bank-loan",
      mixinStandardHelpOptions = true,
      description = {
        "The group's loan from a bank (SHG–bank linkage), account 2200; it comes in and is repaid "
            + "through the group's bank account.",
        "Example: shg bank-loan receive SHG01 --amount 50000 --date 2024-11-20"
      },
      subcommands = {BankLoan.Receive.class, BankLoan.Repay.class, BankLoan.Terms.class})
  static final class BankLoan extends CommandGroup {

    /** Debit bank, credit 2200. */
    @Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record a bank loan credited to the group's bank account. With its terms (--annual-rate, "
              + "--instalments, --method, all three), an EMI line the bank debits as one amount is "
              + "split into interest and principal when the passbook is imported.",
          "Example: shg bank-loan receive SHG01 --amount 50000 --date 2024-11-20",
          "Example: shg bank-loan receive SHG01 --amount 100000 --date 2024-11-20 --annual-rate 12 "
              + "--instalments 12 --method emi"
        })
    static final class Receive extends RecordingCommand {
      @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The loan.")
      String amount;

      @Option(names = "--annual-rate", paramLabel = "PERCENT",
          description = "The bank's rate, percent a year, e.g. 12.")
      String annualRate;

      @Option(names = "--instalments", paramLabel = "N", description = "How many instalments the bank expects.")
      Integer instalments;

      @Option(names = "--method", paramLabel = "emi|flat|equal-principal", converter = Words.MethodWord.class,
          description = "How the bank schedules the instalments.")
      RepaymentMethod method;

      @Override
      void run() {
        Money principal = amount("--amount", amount);
        if (annualRate == null && instalments == null && method == null) {
          record("BANKLOAN", null, new GroupOperation.ReceiveBankLoan(principal));
          return;
        }
        if (annualRate == null || instalments == null || method == null) {
          throw usage("a bank loan's terms are --annual-rate, --instalments and --method together");
        }
        BigDecimal rate = rate(this, annualRate);
        record("BANKLOAN", null, entryId -> {
          org.shgledger.group.BankLoan terms;
          try {
            terms = new org.shgledger.group.BankLoan(entryId, date, principal, rate, instalments, method);
          } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
          }
          return engine.receiveBankLoan(code, terms);
        });
      }
    }

    /** An annual rate as the option gives it; anything but a number is a usage error. */
    static BigDecimal rate(BookCommand command, String annualRate) {
      try {
        return new BigDecimal(annualRate.trim());
      } catch (NumberFormatException e) {
        throw command.usage("--annual-rate is a percent a year such as 12 or 11.5, not " + annualRate);
      }
    }

    /** The terms of a bank loan already in the books (a passbook line, or received without terms). */
    @Command(
        name = "terms",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Keep the terms of a bank loan already in the books: the entry that received it (a passbook "
              + "line sent to 2200, or bank-loan receive without terms). Its amount and date are the "
              + "entry's. EMIs imported afterwards are split into interest and principal by them.",
          "Example: shg bank-loan terms SHG01 --entry SHG01-2024-11-20-BANKLOAN --annual-rate 12 "
              + "--instalments 12 --method emi"
        })
    static final class Terms extends BookCommand {
      @Option(names = "--entry", required = true, paramLabel = "ENTRY", converter = Words.EntryIdWord.class,
          description = "The entry that received the loan (shg report journal lists the ids).")
      org.shgledger.journal.EntryId entry;

      @Option(names = "--annual-rate", required = true, paramLabel = "PERCENT",
          description = "The bank's rate, percent a year, e.g. 12.")
      String annualRate;

      @Option(names = "--instalments", required = true, paramLabel = "N",
          description = "How many instalments the bank expects.")
      int instalments;

      @Option(names = "--method", required = true, paramLabel = "emi|flat|equal-principal",
          converter = Words.MethodWord.class, description = "How the bank schedules the instalments.")
      RepaymentMethod method;

      @Override
      void run() {
        BigDecimal rate = rate(this, annualRate);
        org.shgledger.group.BankLoan kept;
        try {
          kept = engine.keepBankLoanTerms(code, entry, rate, instalments, method);
        } catch (IllegalArgumentException e) {
          throw usage(e.getMessage());
        }
        out.println("bank loan " + kept.receipt() + " of " + kept.received() + ": "
            + MoneyFormats.indian(kept.principal()) + " at " + kept.annualRatePercent().toPlainString()
            + " % a year, " + kept.instalments() + " instalments, " + LoanScheduleCommand.word(kept.method()));
      }
    }

    /** Debit 2200 (principal) and 5000 (interest), credit bank. */
    @Command(
        name = "repay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record an instalment of the bank loan, paid from the group's bank account.",
          "Example: shg bank-loan repay SHG01 --principal 4000 --interest 450 --date 2024-12-20"
        })
    static final class Repay extends Repayment {
      @Override
      void run() {
        record("BANKLOANREPAY", null, new GroupOperation.RepayBankLoan(principal(), interest()));
      }
    }
  }

  /** {@code shg federation-loan}: a loan from the federation or cluster. */
  @Command(
      name = "federation-loan",
      mixinStandardHelpOptions = true,
      description = {
        "The group's loan from its federation or cluster, account 2300.",
        "Example: shg federation-loan receive SHG01 --amount 20000 --date 2024-12-02"
      },
      subcommands = {FederationLoan.Receive.class, FederationLoan.Repay.class})
  static final class FederationLoan extends CommandGroup {

    /** Debit cash or bank, credit 2300. */
    @Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record a loan received from the federation.",
          "Example: shg federation-loan receive SHG01 --amount 20000 --date 2024-12-02"
        })
    static final class Receive extends RecordingCommand {
      @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The loan.")
      String amount;

      @Option(names = "--channel", defaultValue = "bank", converter = ChannelWord.class, paramLabel = "cash|bank",
          description = "Where it comes in. Default: ${DEFAULT-VALUE}.")
      Channel channel;

      @Override
      void run() {
        record("FEDLOAN", null, new GroupOperation.ReceiveFederationLoan(amount("--amount", amount), channel));
      }
    }

    /** Debit 2300 (principal) and 5000 (interest), credit cash or bank. */
    @Command(
        name = "repay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record a repayment to the federation.",
          "Example: shg federation-loan repay SHG01 --principal 2000 --interest 200 --date 2025-01-02"
        })
    static final class Repay extends Repayment {
      @Option(names = "--channel", defaultValue = "bank", converter = ChannelWord.class, paramLabel = "cash|bank",
          description = "Where the money comes from. Default: ${DEFAULT-VALUE}.")
      Channel channel;

      @Override
      void run() {
        record("FEDLOANREPAY", null, new GroupOperation.RepayFederationLoan(principal(), interest(), channel));
      }
    }
  }
}
