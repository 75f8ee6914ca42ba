package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.cli.Words.CategoryWord;
import org.shgledger.cli.Words.ChannelWord;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.JournalEntry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shg member add|list|exit|bank-account}: a group's members. {@code member settle} is the
 * same command as {@code member exit}: the engine settles a leaving member's accounts and records
 * her leaving in one step ({@link org.shgledger.group.SavingsGroups#settleExit}), so there is no
 * leaving without settling.
 */
@Command(
    name = "member",
    mixinStandardHelpOptions = true,
    description = {
      "A group's members: join, list, leave (with the settlement of her accounts), bank account.",
      "Example: shg member add SHG01 M01 --name \"Sunita Devi\" --joined 2024-04-01"
    },
    subcommands = {MemberCommand.Add.class, MemberCommand.ListMembers.class, MemberCommand.Exit.class,
        MemberCommand.BankAccount.class})
final class MemberCommand extends CommandGroup {

  /** A member's own bank account, all four options together. */
  static final class BankOptions {
    @Option(names = "--bank", required = true, paramLabel = "NAME", description = "Her bank, e.g. \"State Bank of India\".")
    String bank;

    @Option(names = "--ifsc", required = true, paramLabel = "CODE", description = "The branch's IFSC, e.g. SBIN0001234.")
    String ifsc;

    @Option(names = "--account-number", required = true, paramLabel = "DIGITS",
        description = "Her account number; only its last 4 digits are kept.")
    String number;

    @Option(names = "--account-opened", converter = Words.DateWord.class, required = true, paramLabel = "DATE", description = "When it was opened, yyyy-mm-dd.")
    LocalDate opened;

    MemberBankAccount account(BookCommand command) {
      try {
        return MemberBankAccount.of(bank.strip(), ifsc.strip().toUpperCase(java.util.Locale.ROOT), number, opened);
      } catch (IllegalArgumentException e) {
        throw command.usage(e.getMessage());
      }
    }
  }

  /** How a bank account is shown: masked number, bank, IFSC. */
  static String describe(MemberBankAccount account) {
    return account.maskedNumber() + " at " + account.bankName() + " (" + account.ifsc() + ")";
  }

  /** {@code shg member add GROUP MEMBER --name NAME --joined DATE}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Add a member to the group, opening her loan and savings accounts. Adding her again as she "
            + "is changes nothing (a bank account given now is recorded); another person under her id "
            + "is refused (MEMBER_EXISTS).",
        "Example: shg member add SHG01 M01 --name \"Sunita Devi\" --joined 2024-04-01"
      })
  static final class Add extends BookCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class,
        description = "Her id in the group, such as M01; it names her accounts, so not her name.")
    MemberId member;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Her name as the group writes it.")
    String name;

    @Option(names = "--joined", converter = Words.DateWord.class, required = true, paramLabel = "DATE", description = "The day she joined, yyyy-mm-dd.")
    LocalDate joined;

    @Option(names = "--category", defaultValue = "adult-woman", converter = CategoryWord.class,
        paramLabel = "adult-woman|adolescent-girl", description = "Default: ${DEFAULT-VALUE}.")
    MemberCategory category;

    @ArgGroup(exclusive = false)
    BankOptions bank;

    @Override
    void run() {
      Member joining;
      try {
        joining = Member.joining(member, name.strip(), category, joined);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (bank != null) {
        joining = joining.withBankAccount(bank.account(this));
      }
      Optional<Member> before = engine.registry().member(code, member);
      Member recorded = engine.addMember(code, joining);
      if (before.isEmpty()) {
        out.println("member " + member + " (" + recorded.name() + ") joined " + code + " on " + recorded.joined()
            + recorded.bankAccount().map(a -> ", bank account " + describe(a)).orElse(""));
      } else if (!before.get().equals(recorded)) {
        out.println("member " + member + " is in the books already; bank account recorded: "
            + describe(recorded.bankAccount().orElseThrow()));
      } else {
        out.println("member " + member + " is in the books already (" + recorded.name() + ", joined "
            + recorded.joined() + "); nothing new recorded");
      }
    }
  }

  /** {@code shg member list GROUP [--as-of DATE]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List every member the group has had: when she joined and left, her savings and her loans "
            + "outstanding on a day. For the group's own use: it shows names.",
        "Example: shg member list SHG01 --as-of 2025-03-31"
      })
  static final class ListMembers extends BookCommand {
    @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day of the balances, yyyy-mm-dd. Default: today (printed in the heading).")
    LocalDate asOf;

    @Mixin OutputOptions output;

    @Override
    void run() {
      Labels labels = output.labels();
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      List<Row> rows = new ArrayList<>();
      for (Member member : engine.registry().members(code)) {
        Money savings = balance(Chart.COMPULSORY_SAVINGS, member.id(), day)
            .plus(balance(Chart.VOLUNTARY_SAVINGS, member.id(), day));
        rows.add(Row.of(Cell.text(member.id().value()), Cell.text(member.name()), Cell.date(member.joined()),
            member.exited().map(Cell::date).orElse(Cell.empty()), Cell.amount(savings),
            Cell.amount(balance(Chart.MEMBER_LOANS, member.id(), day))));
      }
      Table table = Table.of("members", List.of(Column.text("member", labels.get("list.member")),
          Column.text("name", labels.get("list.name")), Column.date("joined", labels.get("list.joined")),
          Column.date("left", labels.get("list.left")), Column.amount("savings", labels.get("list.savings")),
          Column.amount("loans", labels.get("list.loans"))), rows);
      Report report = Report.builder("member-list", labels.get("report.member_list"))
          .fact("group", labels.get("group"), Cell.text(code.value()))
          .fact("group_name", labels.get("group_name"), Cell.text(group.name()))
          .fact("as_of", labels.get("as_of"), Cell.date(day))
          .fact("currency", labels.get("currency"), Cell.text(group.currency().getCode()))
          .add(table).build();
      String text = labels.format("list.members_heading", group.name(), code, day, group.currency()) + "\n"
          + (rows.isEmpty() ? labels.get("list.no_members") + "\n" : Tables.text(table));
      TableOutput.print(output, report, text);
    }

    private Money balance(AccountCode control, MemberId member, LocalDate day) {
      return journal().balance(code, Chart.memberAccount(control, member), day).normalBalance();
    }
  }

  /** {@code shg member exit GROUP MEMBER --date DATE}, also {@code member settle}. */
  @Command(
      name = "exit",
      aliases = "settle",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "A member leaves: in one entry she is paid her savings and her share of the undistributed "
            + "surplus, less everything her loans ask to be closed that day (if she owes more, she pays "
            + "in the difference), and she is recorded as having left. 'member settle' is the same "
            + "command. Reversing the entry (shg reverse) makes her a member again.",
        "Example: shg member exit SHG01 M04 --date 2025-01-04"
      })
  static final class Exit extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member leaving.")
    MemberId member;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "How she is paid (or pays): cash, or bank into her own account. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Override
    void run() {
      Member leaving = engine.member(code, member);
      if (leaving.exited().isPresent()) {
        Optional<JournalEntry> settlement = standingSettlement();
        if (settlement.isPresent() && (id == null || id.equals(settlement.get().id()))) {
          out.print(EntryText.of(journal(), settlement.get(), true));
          return;
        }
        if (settlement.isEmpty() && leaving.exited().get().equals(date) && id == null) {
          out.println(member + " left on " + date + " already, with nothing to settle; nothing new recorded");
          return;
        }
      }
      String stem = IdWalk.stem(code, date, "EXIT", member);
      IdWalk.Step<Optional<JournalEntry>> step = IdWalk.run(id != null,
          n -> journal().entry(code, idFor(stem, n)).isPresent(),
          n -> journal().reversalOf(code, idFor(stem, n)).isPresent(),
          n -> engine.settleExit(code, idFor(stem, n), member, date, channel));
      if (step.result().isPresent()) {
        out.print(EntryText.of(journal(), step.result().get(), step.repeat()));
        out.println(member + " has left the group on " + date + "; her accounts are settled");
      } else {
        out.println(member + " has left the group on " + date + " with nothing to settle (no savings, share or loan)");
      }
    }

    /**
     * Her exit settlement that stands (recorded and not reversed), if any: the engine marks a
     * settlement with the source reference {@code exit:MEMBER}.
     */
    private Optional<JournalEntry> standingSettlement() {
      return journal().entries(code).stream()
          .filter(e -> e.kind() == org.shgledger.journal.EntryKind.EXIT_SETTLEMENT
              && e.member().equals(Optional.of(member.toString())))
          .filter(e -> journal().reversalOf(code, e.id()).isEmpty())
          .reduce((first, second) -> second);
    }
  }

  /** {@code shg member bank-account GROUP MEMBER --bank ... --ifsc ... --account-number ...}. */
  @Command(
      name = "bank-account",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record (or replace) a member's own bank account, where loans can be paid out and savings "
            + "paid back with --channel bank. Only the last 4 digits of the number are kept.",
        "Example: shg member bank-account SHG01 M01 --bank \"State Bank of India\" --ifsc SBIN0001234"
            + " --account-number 30012345678 --account-opened 2023-06-01"
      })
  static final class BankAccount extends BookCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member.")
    MemberId member;

    @ArgGroup(exclusive = false, multiplicity = "1")
    BankOptions bank;

    @Override
    void run() {
      MemberBankAccount account = bank.account(this);
      Member before = engine.member(code, member);
      if (before.bankAccount().equals(Optional.of(account))) {
        out.println("member " + member + ": bank account " + describe(account) + " is in the books already; nothing new recorded");
        return;
      }
      engine.setBankAccount(code, member, account);
      out.println("member " + member + ": bank account " + describe(account) + " recorded"
          + before.bankAccount().map(a -> ", replacing " + describe(a)).orElse(""));
    }
  }
}
