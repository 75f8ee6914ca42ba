package org.shgledger.cli;

import org.shgledger.group.GroupOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shg bank deposit|withdraw|interest|charges}: money between the cash box and the group's
 * bank account, and what the bank itself credits or deducts.
 */
@Command(
    name = "bank",
    mixinStandardHelpOptions = true,
    description = {
      "The group's bank account: cash banked, cash drawn, interest credited, charges deducted.",
      "Example: shg bank deposit SHG01 --amount 500 --date 2024-05-06"
    },
    subcommands = {BankCommand.Deposit.class, BankCommand.Withdraw.class, BankCommand.Interest.class,
        BankCommand.Charges.class})
final class BankCommand extends CommandGroup {

  /** The amount option of every bank command. */
  abstract static class BankEntry extends RecordingCommand {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount, e.g. 500.")
    String amount;
  }

  /** Cash banked: debit bank, credit cash. */
  @Command(
      name = "deposit",
      mixinStandardHelpOptions = true,
      description = {
        "Record cash taken from the cash box and paid into the group's bank account.",
        "Example: shg bank deposit SHG01 --amount 500 --date 2024-05-06"
      })
  static final class Deposit extends BankEntry {
    @Override
    void run() {
      record("BANKDEPOSIT", null, new GroupOperation.BankCash(amount("--amount", amount)));
    }
  }

  /** Cash drawn: debit cash, credit bank. */
  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description = {
        "Record cash drawn from the group's bank account into the cash box.",
        "Example: shg bank withdraw SHG01 --amount 2000 --date 2024-06-01"
      })
  static final class Withdraw extends BankEntry {
    @Override
    void run() {
      record("BANKWITHDRAW", null, new GroupOperation.WithdrawFromBank(amount("--amount", amount)));
    }
  }

  /** Interest credited by the bank: debit bank, credit 4200. */
  @Command(
      name = "interest",
      mixinStandardHelpOptions = true,
      description = {
        "Record interest the bank credited to the group's account (as the passbook shows it).",
        "Example: shg bank interest SHG01 --amount 42.50 --date 2024-09-30"
      })
  static final class Interest extends BankEntry {
    @Override
    void run() {
      record("BANKINTEREST", null, new GroupOperation.BankInterest(amount("--amount", amount)));
    }
  }

  /** Charges deducted by the bank: debit 5100, credit bank. */
  @Command(
      name = "charges",
      mixinStandardHelpOptions = true,
      description = {
        "Record charges the bank deducted from the group's account (SMS, minimum balance...).",
        "Example: shg bank charges SHG01 --amount 17.70 --date 2024-09-30"
      })
  static final class Charges extends BankEntry {
    @Override
    void run() {
      record("BANKCHARGES", null, new GroupOperation.BankCharges(amount("--amount", amount)));
    }
  }
}
