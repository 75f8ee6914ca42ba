package org.shgledger.importing.register;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.EngineMemo;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.CsvRow;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportedIds;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;

/**
 * Imports the opening balances of a group that moves from paper books mid-life: what it held at a
 * cut-off date. Header {@code as_of,item,member,amount,loan_method,loan_monthly_rate,loan_instalments}
 * (the last four optional); one balance a row, every row with the same {@code as_of}; {@code item}
 * one of {@code cash}, {@code bank}, {@code fixed_deposit}, {@code bank_loan}, {@code
 * federation_loan}, {@code grant} (once each, no member) and {@code savings}, {@code
 * voluntary_savings}, {@code loan} (once per member).
 *
 * <p>It records one opening entry {@code OPEN:as_of}: debit cash (with what the loans below take
 * out of it), bank and fixed deposits; credit each member's savings, the bank and federation loans
 * and the grants; the difference, the group's own funds built up on paper, to 3100 Accumulated
 * surplus (a debit if the paper books hold less than they owe). Then each outstanding loan is paid
 * out through {@link SavingsGroups#disburseLoan} on the cut-off date ({@code OPEN:as_of:member:LOAN},
 * loan id {@code yyyyMMdd-member}) for its outstanding principal, with the row's terms for the
 * rest of its life, so later repayments find it. The book must hold no other entries.
 *
 * <p>All or nothing, as the other register imports; importing the same file again records nothing.
 */
public final class OpeningImport {

  /** The columns every opening-balances file has. */
  public static final List<String> REQUIRED = List.of("as_of", "item", "member", "amount");

  /** The loan columns, optional. */
  public static final List<String> OPTIONAL = List.of(LoanSpec.METHOD, LoanSpec.RATE, LoanSpec.INSTALMENTS);

  /** The group's items: the account each is kept in and whether it is owned (debit) or owed. */
  private enum Item {
    CASH(Chart.CASH, true, false), BANK(Chart.BANK, true, false), FIXED_DEPOSIT(Chart.FIXED_DEPOSITS, true, false),
    BANK_LOAN(Chart.BANK_LOAN, false, false), FEDERATION_LOAN(Chart.FEDERATION_LOAN, false, false),
    GRANT(Chart.GRANTS, false, false), SAVINGS(Chart.COMPULSORY_SAVINGS, false, true),
    VOLUNTARY_SAVINGS(Chart.VOLUNTARY_SAVINGS, false, true), LOAN(Chart.MEMBER_LOANS, true, true);

    final AccountCode account;
    final boolean owned;
    final boolean perMember;

    Item(AccountCode account, boolean owned, boolean perMember) {
      this.account = account;
      this.owned = owned;
      this.perMember = perMember;
    }
  }

  private record Balance(Sheet.Fields fields, Item item, Optional<MemberId> member, Money amount,
      LoanSpec loan) {}

  private OpeningImport() {}

  /**
   * Imports an opening-balances file.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist with its members, not null
   * @param file the CSV file, not null
   * @param limits the limits on the file, not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   * @throws GroupException if the group does not exist
   */
  public static ImportResult run(SavingsGroups groups, BookId code, Path file, ImportLimits limits, boolean dryRun) {
    try (CsvTable table = CsvTable.open(file, limits)) {
      return run(groups, code, table, limits, dryRun);
    }
  }

  /**
   * Imports opening balances from an open table, which the caller closes.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist with its members, not null
   * @param table the file, positioned at its header, not null
   * @param limits the limits the table was opened with (for the number of problems), not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   * @throws GroupException if the group does not exist
   */
  public static ImportResult run(SavingsGroups groups, BookId code, CsvTable table, ImportLimits limits, boolean dryRun) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(code, "code");
    Group group = groups.group(code);
    CurrencyUnit currency = group.currency();
    ImportProblems problems = new ImportProblems(limits.maxProblems());
    Sheet sheet = Sheet.read(table, REQUIRED, OPTIONAL, problems);
    // the first row's cut-off date and line, which every other row must agree with
    LocalDate[] cutOff = {null};
    long[] cutOffLine = {0};
    List<Balance> balances = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    sheet.forEachRow(fields -> {
      Optional<LocalDate> date = fields.required("as_of", "cut-off date", Sheet.DATES::parse);
      if (date.isPresent()) {
        if (cutOff[0] == null) {
          cutOff[0] = date.get();
          cutOffLine[0] = fields.row.line();
        } else if (!cutOff[0].equals(date.get())) {
          fields.add("as_of", "every row must have the same cut-off date; line " + cutOffLine[0] + " has " + cutOff[0]);
        }
      }
      Optional<Item> item = fields.required("item", "item", OpeningImport::item);
      Optional<MemberId> member = fields.optional("member", MemberId::of);
      Optional<Money> amount = fields.optionalAmount("amount", currency);
      if (fields.isBlank("amount")) {
        fields.add("amount", "the amount is missing (write 0 for nothing)");
      }
      LoanSpec loan = LoanSpec.read(fields);
      if (item.isEmpty()) {
        return;
      }
      if (item.get().perMember && fields.isBlank("member")) {
        fields.add("member", "a " + name(item.get()) + " balance belongs to a member: fill in her id");
        return;
      }
      if (!item.get().perMember && !fields.isBlank("member")) {
        fields.add("member", "the group's " + name(item.get()) + " belongs to no member: leave member blank");
        return;
      }
      if (item.get() != Item.LOAN && loan.anyGiven()) {
        fields.add(LoanSpec.METHOD, "loan terms belong on a loan row only");
      }
      String key = item.get() + " " + member.map(MemberId::value).orElse("");
      Long earlier = seen.putIfAbsent(key, fields.row.line());
      if (earlier != null && (member.isPresent() || !item.get().perMember)) {
        fields.add("item", "the " + name(item.get()) + member.map(m -> " of " + m).orElse("")
            + " is on line " + earlier + " already");
        return;
      }
      if (amount.isPresent() && (!item.get().perMember || member.isPresent())) {
        balances.add(new Balance(fields, item.get(), member, amount.get(), loan));
      }
        });
    problems.throwIfAny();
    LocalDate asOf = cutOff[0];
    if (asOf == null) {
      throw new ImportException(new ImportProblem(sheet.file, 0, 0, "the file has no balances"));
    }
    Steps steps = new Steps();
    plan(groups, group, asOf, balances, balances.isEmpty() ? null : balances.get(0).fields().row, steps, sheet.file);
    return steps.run(groups, code, sheet.file, sheet.rows(), dryRun);
  }

  private static void plan(SavingsGroups groups, Group group, LocalDate asOf, List<Balance> balances, CsvRow first,
      Steps steps, String file) {
    BookId code = group.code();
    CurrencyUnit currency = group.currency();
    EntryId openingId = EntryId.of(ImportedIds.OPENING + asOf);
    Map<AccountCode, Money> debits = new LinkedHashMap<>();
    Money net = Money.zero(currency);
    for (Balance balance : balances) {
      if (balance.amount().isZero()) {
        continue;
      }
      // a loan's principal comes in as cash here and goes out to the member as her loan below
      AccountCode account = balance.item() == Item.LOAN ? Chart.CASH
          : balance.member().map(m -> Chart.memberAccount(balance.item().account, m)).orElse(balance.item().account);
      Money signed = balance.item().owned ? balance.amount() : balance.amount().negated();
      debits.merge(account, signed, Money::plus);
      net = net.plus(signed);
    }
    debits.merge(Chart.SURPLUS, net.negated(), Money::plus);
    List<Posting> postings = new ArrayList<>();
    debits.forEach((account, amount) -> {
      if (amount.isPositive()) {
        postings.add(Posting.debit(account, amount));
      } else if (amount.isNegative()) {
        postings.add(Posting.credit(account, amount.negated()));
      }
    });
    ImportProblem top = new ImportProblem(file, first == null ? 0 : first.line(), 0, "-");
    steps.check(top, "the book of " + code + " is new", () -> {
      for (JournalEntry entry : groups.journal().entries(code)) {
        if (!entry.id().value().startsWith("OPEN:" + asOf)) {
          throw new GroupException(GroupRejection.INVALID_DATE, "the book already holds entries (such as "
              + entry.id() + " of " + entry.date() + "): opening balances go into a group's new book only");
        }
      }
    });
    for (Balance balance : balances) {
      if (balance.member().isPresent()) {
        MemberId member = balance.member().get();
        steps.check(balance.fields().problem("member", "-"), "member " + member + " on " + asOf, () -> {
          if (!groups.member(code, member).isMemberOn(asOf)) {
            throw new GroupException(GroupRejection.NOT_A_MEMBER_ON_DATE,
                "member " + member + " was not a member on " + asOf);
          }
        });
      }
    }
    if (!postings.isEmpty()) {
      GroupOperation opening = new GroupOperation.OpeningBalances(postings,
          EngineMemo.OPENING_BALANCES.compose(asOf.toString()));
      steps.add(top, "opening entry " + openingId + " (" + postings.size() + " lines, surplus "
          + withCurrency(net) + ")", () -> {
            boolean known = groups.journal().entry(code, openingId).isPresent();
            groups.record(code, openingId, asOf, opening);
            return !known;
          });
    }
    for (Balance balance : balances) {
      if (balance.item() != Item.LOAN || !balance.amount().isPositive()) {
        continue;
      }
      MemberId member = balance.member().orElseThrow();
      EntryId id = EntryId.of(ImportedIds.OPENING + asOf + ":" + member + ":LOAN");
      var loanId = LoanSpec.loanId(asOf, member);
      steps.add(balance.fields().problem("amount", "-"), "opening loan " + loanId + " of "
          + withCurrency(balance.amount()) + " to " + member, () -> {
            boolean known = groups.journal().entry(code, id).isPresent();
            groups.disburseLoan(code, id, loanId, member, balance.loan().terms(group, balance.amount(), asOf),
                Channel.CASH);
            return !known;
          });
    }
  }

  private static Item item(String text) {
    try {
      return Item.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not an item: write cash, bank, fixed_deposit,"
          + " bank_loan, federation_loan, grant, savings, voluntary_savings or loan");
    }
  }

  private static String name(Item item) {
    return item.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
