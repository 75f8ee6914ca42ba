package org.shgledger.cli;

import org.shgledger.cli.Words.ChannelWord;
import org.joda.money.Money;
import org.shgledger.cli.Words.KindWord;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The everyday money of a meeting, one command each: {@code shg save}, {@code withdraw}, {@code
 * fine}, {@code grant}, {@code expense} and {@code income}. Each records one entry through {@link
 * org.shgledger.group.SavingsGroups#record} and prints it with its id (see {@link EntryText}).
 */
final class EverydayCommands {

  /** The description every member-facing command adds about {@code --channel}. */
  private static final String CHANNEL_CASH = "cash (the cash box) or bank (the group's account; for a "
      + "payment to a member, her own account). Default: ${DEFAULT-VALUE}.";

  private EverydayCommands() {}

  /** {@code shg save GROUP MEMBER --amount A --date D}: a member saves. */
  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a member's savings: debit cash (or bank), credit her compulsory (or voluntary) savings.",
        "Example: shg save SHG01 M01 --amount 100 --date 2024-05-04",
        "Example: shg save SHG01 M01 --amount 10 --kind welfare --date 2024-05-04"
      })
  static final class Save extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member, such as M01.")
    MemberId member;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "How much she saves, e.g. 100.")
    String amount;

    @Option(names = "--kind", defaultValue = "compulsory", converter = SaveKindWord.class,
        paramLabel = "compulsory|voluntary|welfare",
        description = "Which savings, or welfare: a gift to the group's welfare fund (3200), which is the group's"
            + " and stays with it at a share-out. Default: ${DEFAULT-VALUE}.")
    SaveKind kind;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money goes: " + CHANNEL_CASH)
    Channel channel;

    @Override
    void run() {
      Money money = amount("--amount", amount);
      switch (kind) {
        case WELFARE:
          record("WELFARE", member, new GroupOperation.WelfareContribution(member, money, channel));
          break;
        case VOLUNTARY:
          record("VOLSAVE", member, new GroupOperation.Save(member, SavingsKind.VOLUNTARY, money, channel));
          break;
        default:
          record("SAVE", member, new GroupOperation.Save(member, SavingsKind.COMPULSORY, money, channel));
      }
    }
  }

  /** What {@code shg save} records: a member's savings of either kind, or her gift to the welfare fund. */
  enum SaveKind { COMPULSORY, VOLUNTARY, WELFARE }

  /** {@code compulsory}, {@code voluntary} or {@code welfare}. */
  static final class SaveKindWord extends Words.EnumWord<SaveKind> {
    SaveKindWord() {
      super(SaveKind.class);
    }
  }

  /** The funds an expense may be paid from instead of the group's costs. */
  enum Fund { WELFARE }

  /** {@code welfare}. */
  static final class FundWord extends Words.EnumWord<Fund> {
    FundWord() {
      super(Fund.class);
    }
  }

  /** {@code shg withdraw GROUP MEMBER --amount A --date D}: a member takes out savings. */
  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a withdrawal of a member's savings: debit her voluntary (or compulsory) savings, "
            + "credit cash (or bank, paid into her own account).",
        "Example: shg withdraw SHG01 M01 --amount 50 --date 2024-08-03"
      })
  static final class Withdraw extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member, such as M01.")
    MemberId member;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "How much she takes out.")
    String amount;

    @Option(names = "--kind", defaultValue = "voluntary", converter = KindWord.class,
        paramLabel = "compulsory|voluntary",
        description = "Which savings; voluntary savings are the ones members may usually take out. "
            + "Default: ${DEFAULT-VALUE}.")
    SavingsKind kind;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money comes from: " + CHANNEL_CASH)
    Channel channel;

    @Override
    void run() {
      record(kind == SavingsKind.COMPULSORY ? "WITHDRAW" : "VOLWITHDRAW", member,
          new GroupOperation.WithdrawSavings(member, kind, amount("--amount", amount), channel));
    }
  }

  /** {@code shg fine GROUP MEMBER --amount A --date D [--reason TEXT]}: a member pays a fine. */
  @Command(
      name = "fine",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a fine a member pays (for coming late, missing a meeting): debit cash (or bank), "
            + "credit 4100 Fines and penalties. A penalty on a loan is 'shg loan penalty'.",
        "Example: shg fine SHG01 M03 --amount 10 --reason late --date 2024-05-04"
      })
  static final class Fine extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member, such as M01.")
    MemberId member;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The fine paid.")
    String amount;

    @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT",
        description = "What for, up to " + GroupOperation.MAX_TEXT_LENGTH + " characters, e.g. late.")
    String reason;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money goes: " + CHANNEL_CASH)
    Channel channel;

    @Override
    void run() {
      record("FINE", member, new GroupOperation.Fine(member, amount("--amount", amount), text("--reason", reason), channel));
    }
  }

  /** {@code shg grant GROUP --amount A --date D}: a revolving fund or other grant comes in. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a revolving-fund or other grant received: debit bank (or cash), credit 3000 "
            + "Revolving fund / grants.",
        "Example: shg grant SHG01 --amount 15000 --date 2024-10-15"
      })
  static final class Grant extends RecordingCommand {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The grant.")
    String amount;

    @Option(names = "--channel", defaultValue = "bank", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where it comes in; grants are usually credited to the group's bank account. "
            + "Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Override
    void run() {
      record("GRANT", null, new GroupOperation.ReceiveGrant(amount("--amount", amount), channel));
    }
  }

  /** {@code shg expense GROUP --amount A --description TEXT --date D}: the group pays a cost. */
  @Command(
      name = "expense",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a cost the group pays (registers, stationery, the bookkeeper): debit 5200 Meeting, "
            + "stationery and bookkeeping costs, credit cash (or bank).",
        "Example: shg expense SHG01 --amount 60 --description \"cash book\" --date 2024-05-04",
        "Example: shg expense SHG01 --amount 500 --description \"hospital, M03\" --fund welfare --date 2024-06-01"
      })
  static final class Expense extends RecordingCommand {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "What was paid.")
    String amount;

    @Option(names = {"--description", "--for"}, required = true, paramLabel = "TEXT",
        description = "What for, up to " + GroupOperation.MAX_TEXT_LENGTH + " characters.")
    String description;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money comes from. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Option(names = "--fund", converter = FundWord.class, paramLabel = "welfare",
        description = "Pay it from the welfare fund (3200), as help to a member in need, instead of the group's"
            + " costs; the fund pays no more than it holds.")
    Fund fund;

    @Override
    void run() {
      if (fund == Fund.WELFARE) {
        record("WELFAREPAY", null, new GroupOperation.WelfarePayment(amount("--amount", amount),
            text("--description", description), channel));
        return;
      }
      record("EXPENSE", null,
          new GroupOperation.PayExpense(amount("--amount", amount), text("--description", description), channel));
    }
  }

  /** {@code shg income GROUP --amount A --description TEXT --date D}: other income comes in. */
  @Command(
      name = "income",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record other income, such as membership fees: debit cash (or bank), credit 4300 Other income.",
        "Example: shg income SHG01 --amount 200 --description \"membership fees\" --date 2024-04-06"
      })
  static final class Income extends RecordingCommand {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "What came in.")
    String amount;

    @Option(names = {"--description", "--for"}, required = true, paramLabel = "TEXT",
        description = "What for, up to " + GroupOperation.MAX_TEXT_LENGTH + " characters.")
    String description;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money goes. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Override
    void run() {
      record("INCOME", null,
          new GroupOperation.OtherIncome(amount("--amount", amount), text("--description", description), channel));
    }
  }
}
