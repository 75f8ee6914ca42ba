package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.JournalReader;
import org.shgledger.loan.Loan;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;

/**
 * The savings-group engine: the rules a Self Help Group lives by, turned into balanced journal
 * entries. Every money operation is one entry in the group's book; a refused one throws {@link
 * GroupException} (or {@link JournalException} for a rule of the journal itself, such as a locked
 * period) and leaves no trace; any entry can be corrected with {@link #reverse}.
 *
 * <p>Entry ids are chosen by the caller and are idempotency keys, as in the journal: repeating an
 * operation with the same id and the same content records nothing new.
 *
 * <p>Each operation that writes runs as one {@link UnitOfWork}: over a durable store its journal
 * entry and its registry records are committed in one transaction, so a crash keeps both or
 * neither.
 *
 * <p>The accounts each operation debits and credits are listed in docs/engine.md.
 *
 * <p>This class is the engine's one entry point, a thin façade over its parts, each in its own
 * file: {@code Membership} (groups and people), {@code Postings} (everyday money, the importers'
 * batches), {@code Lending} (loans to members), {@code Corrections} (reversals) and {@code
 * Closing} (year end, distributions, exits, share-out), on the common ground of {@code
 * EnginePart}.
 *
 * <p>Every operation that records passes one date check here, before its own rules: a new record
 * dated before its group's formation or more than a margin after today ({@link DateLimits}) is
 * refused. A repeat of what is recorded already is answered as before, whatever its date.
 */
public final class SavingsGroups {

  // The words below are what the engine writes in its entries' memos and source references. Entries
  // carry their kind as data (EntryKind), which is what reports read; these stay fixed because the
  // entries recorded before kinds existed are classified by them (LegacyKinds).

  /** The prefix of the entry id of every line imported from a bank statement. */
  public static final String BANK_LINE_ID_PREFIX = "pb:";

  /** The source reference prefix of a member's exit settlement: {@code exit:M01}. */
  public static final String EXIT_SOURCE = "exit:";

  /** The memo of {@link #distributeSurplus}'s entry. */
  public static final String DISTRIBUTION_MEMO = EngineMemo.SURPLUS_DISTRIBUTED.english();

  /** The memo of {@link #shareOut}'s entry. */
  public static final String SHARE_OUT_MEMO = EngineMemo.SHARE_OUT.english();

  /** The memo of {@link #closeYear}'s closing entry. */
  public static final String YEAR_END_MEMO = EngineMemo.YEAR_END.english();

  private final Journal journal;

  private final GroupRegistry registry;

  private final DateLimits dates;

  private final Membership membership;
  private final Postings postings;
  private final Lending lending;
  private final Corrections corrections;
  private final Closing closing;
  /** The field copy's pending operations ({@link OperationLog#NONE} elsewhere). */
  private final OperationLog log;

  /**
   * Creates the engine over a journal and a registry that live and die with the process, such as
   * {@link org.shgledger.journal.InMemoryJournal} and {@link InMemoryGroupRegistry}: each
   * operation runs directly ({@link UnitOfWork#immediate()}), and dates are checked by {@link
   * DateLimits#standard()}.
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry) {
    this(journal, registry, UnitOfWork.immediate());
  }

  /**
   * Creates the engine over a journal and a registry, running each operation that writes as one
   * unit of work, so that its journal entry and its registry records are kept together or not at
   * all (a durable store's engine, {@code LedgerStore.engine()}, is made this way). Dates are
   * checked by {@link DateLimits#standard()}.
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   * @param unitOfWork what makes each operation one whole, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    this(journal, registry, unitOfWork, DateLimits.standard());
  }

  /**
   * Creates the engine with its own date limits: another margin after today, or a fixed clock
   * (for tests, and for programs that replay books on a day of their choosing).
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   * @param unitOfWork what makes each operation one whole, not null
   * @param dates the dates a new record may have, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork, DateLimits dates) {
    this(journal, registry, unitOfWork, dates, OperationLog.NONE);
  }

  /**
   * Creates the engine with a log of its operations: a field copy's store ({@code shg sync clone},
   * docs/sync.md) keeps each operation recorded on a cloned book, in the operation's own unit of
   * work, as pending until the server has it. On such a book, an operation the server's API does
   * not take is refused ({@link GroupRejection#NOT_ON_FIELD_COPY}), so that nothing recorded there
   * is lost at the next pull.
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   * @param unitOfWork what makes each operation one whole, not null
   * @param dates the dates a new record may have, not null
   * @param log where each operation on a field copy's book is kept, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork, DateLimits dates,
      OperationLog log) {
    this.log = Objects.requireNonNull(log, "log");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.dates = Objects.requireNonNull(dates, "dates");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.membership = new Membership(journal, registry, unitOfWork);
    this.postings = new Postings(journal, registry, unitOfWork);
    this.lending = new Lending(journal, registry, unitOfWork);
    this.corrections = new Corrections(journal, registry, unitOfWork);
    this.closing = new Closing(journal, registry, unitOfWork);
  }

  /**
   * The dates this engine takes for a new record.
   *
   * @return the limits, not null
   */
  public DateLimits dateLimits() {
    return dates;
  }

  /**
   * The groups' books as they may be read, for balances, trial balances and reports. It hands out
   * no way to write: every entry goes through this engine's rules.
   *
   * @return the journal, read-only, not null
   */
  public JournalReader journal() {
    return journal;
  }

  /**
   * The registry holding groups, members, office bearers, meetings and loans, as it may be read:
   * it hands out no way to write, since every record is made through this engine's rules.
   *
   * @return the registry, read-only, not null
   */
  public GroupRecords registry() {
    return registry;
  }

  /**
   * Creates a group and its book with the standard chart of accounts. Creating a group that
   * exists with the same definition returns it and changes nothing.
   *
   * @param group the group's definition, not null
   * @return the group, not null
   * @throws GroupException {@link GroupRejection#GROUP_EXISTS} if the code is taken by a different
   *     group; {@link GroupRejection#INVALID_DATE} if it was formed before {@link
   *     DateLimits#EARLIEST}, {@link GroupRejection#DATE_TOO_FAR_AHEAD} after {@link
   *     DateLimits#latest()}
   */
  public Group createGroup(Group group) {
    Objects.requireNonNull(group, "group");
    unlessRecorded(dates.refusalOutsideBooks(group.code(), group.formed(), "the group's formation"),
        () -> registry.group(group.code()).isPresent());
    return membership.createGroup(group);
  }

  /**
   * A group's definition.
   *
   * @param code the group's code, not null
   * @return the group
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Group group(BookId code) {
    return membership.group(code);
  }

  /**
   * Adds a member and opens her sub-ledger accounts (loans, compulsory and voluntary savings).
   * Adding a member who is already recorded with the same name, category and joining date changes
   * nothing, except that a bank account given now is recorded (so a roster can be imported again
   * after members open accounts).
   *
   * @param code the group, not null
   * @param member the new member, not yet left, not null
   * @return the member as recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}; {@link
   *     GroupRejection#MEMBER_HAS_LEFT} if a member with this id has left (ids are not reused, so
   *     that old entries keep meaning one person); {@link GroupRejection#MEMBER_EXISTS} if the id
   *     is taken by a different person; {@link GroupRejection#DATE_BEFORE_FORMATION} if she joined
   *     before the group was formed, {@link GroupRejection#DATE_TOO_FAR_AHEAD} if she joins after
   *     {@link DateLimits#latest()}; for her bank account's opening as {@link #setBankAccount}
   * @throws IllegalArgumentException if the record says she has already left
   */
  public Member addMember(BookId code, Member member) {
    Objects.requireNonNull(member, "member");
    admit(code, member.joined(), member.id() + "'s joining", () -> registry.member(code, member.id()).isPresent());
    member.bankAccount().ifPresent(account -> admitBankAccount(code, member.id(), account));
    return logged(code, OperationBodies.memberKey(member.id()), () -> OperationBodies.member(member),
        () -> membership.addMember(code, member));
  }

  /**
   * Records (or replaces) a member's own bank account.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @param account her bank account, its number already masked, not null
   * @return the updated member, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}; {@link GroupRejection#INVALID_DATE} if the account was
   *     opened before {@link DateLimits#EARLIEST}, {@link GroupRejection#DATE_TOO_FAR_AHEAD} after
   *     {@link DateLimits#latest()} (before the group's formation is allowed: she may have had it
   *     before)
   */
  public Member setBankAccount(BookId code, MemberId memberId, MemberBankAccount account) {
    Objects.requireNonNull(account, "account");
    membership.group(code);
    admitBankAccount(code, Objects.requireNonNull(memberId, "memberId"), account);
    return logged(code, OperationBodies.bankAccountKey(memberId), () -> OperationBodies.bankAccount(memberId, account),
        () -> membership.setBankAccount(code, memberId, account));
  }

  /**
   * A member of a group.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @return the member, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}
   */
  public Member member(BookId code, MemberId memberId) {
    return membership.member(code, memberId);
  }

  /**
   * Records an election: a member holds an office for a term. At most one member holds an office
   * on any day; earlier terms stay in the history. Recording the same term again changes nothing.
   *
   * @param code the group, not null
   * @param term the term, not null
   * @return the term, not null
   * @throws GroupException {@link GroupRejection#MEMBER_NOT_FOUND}, {@link
   *     GroupRejection#NOT_A_MEMBER_ON_DATE} if she is not a member when the term starts, {@link
   *     GroupRejection#OFFICE_TAKEN} if another term of the office overlaps; {@link
   *     GroupRejection#DATE_BEFORE_FORMATION} or {@link GroupRejection#DATE_TOO_FAR_AHEAD} for the
   *     term's start (its end may be years ahead)
   */
  public BearerTerm elect(BookId code, BearerTerm term) {
    notOnFieldCopy(code, "electing an office bearer");
    Objects.requireNonNull(term, "term");
    admit(code, term.from(), term.member() + "'s term as " + term.role().name().toLowerCase(java.util.Locale.ROOT),
        () -> registry.terms(code).contains(term));
    return membership.elect(code, term);
  }

  /**
   * Who held each office on a date.
   *
   * @param code the group, not null
   * @param date the date, not null
   * @return the office holders; an office nobody held is absent, not null
   */
  public Map<Role, MemberId> bearersOn(BookId code, LocalDate date) {
    return membership.bearersOn(code, date);
  }

  /**
   * Records a meeting's roll. Recording the same meeting again changes nothing.
   *
   * @param meeting the meeting, not null
   * @return the meeting, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#ATTENDANCE_OF_NON_MEMBER}, {@link GroupRejection#MEETING_EXISTS} if the
   *     group's meeting that day is recorded with a different roll; {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public Meeting recordMeeting(Meeting meeting) {
    Objects.requireNonNull(meeting, "meeting");
    admit(meeting.group(), meeting.date(), "the meeting",
        () -> registry.meeting(meeting.group(), meeting.date()).isPresent());
    return logged(meeting.group(), "meeting-roll:" + meeting.date(), () -> OperationBodies.roll(meeting),
        () -> membership.recordMeeting(meeting));
  }

  /**
   * Records an everyday money event as one balanced entry.
   *
   * @param code the group, not null
   * @param id the entry's id (idempotency key), not null
   * @param date the date of the event, not null
   * @param operation the event, not null
   * @return the recorded entry, not null
   * @throws GroupException if an engine rule is broken (a date before the group's formation or
   *     too far ahead, unknown member, not a member on the date, no bank account on record, an
   *     invalid amount, not enough cash, bank balance or savings, a repayment above the debt)
   * @throws JournalException if a journal rule is broken (a locked period, the id reused with
   *     other content)
   */
  public JournalEntry record(BookId code, EntryId id, LocalDate date, GroupOperation operation) {
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return logged(code, id.value(), () -> OperationBodies.of(code, id, date, operation),
        () -> postings.record(code, id, date, operation));
  }

  /**
   * Records a bank loan received (debit bank, credit 2200, as {@link GroupOperation.ReceiveBankLoan})
   * together with its terms, as one unit: the entry and the terms are both kept or neither is. The
   * terms let an EMI the bank debits as one amount be split into interest and principal when a
   * passbook is imported (docs/engine.md). Repeating the same receipt writes nothing new.
   *
   * @param code the group, not null
   * @param terms the loan's terms; its receipt is the entry's id, its received date the entry's
   *     date and its principal the amount received, not null
   * @return the recorded entry (a repeat's original), not null
   * @throws GroupException as {@link #record(BookId, EntryId, LocalDate, GroupOperation)}, and
   *     {@link GroupRejection#INVALID_AMOUNT} for terms in another currency than the group's
   * @throws JournalException as {@link #record(BookId, EntryId, LocalDate, GroupOperation)}
   */
  public JournalEntry receiveBankLoan(BookId code, BankLoan terms) {
    Objects.requireNonNull(terms, "terms");
    admitEntry(code, terms.receipt(), terms.received());
    return logged(code, terms.receipt().value(), () -> OperationBodies.bankLoan(terms), () -> atomically(code, () -> {
      Group group = membership.group(code);
      if (!terms.principal().getCurrencyUnit().equals(group.currency())) {
        throw new GroupException(GroupRejection.INVALID_AMOUNT, "group " + code + " keeps its books in "
            + group.currency() + ": a bank loan of " + withCurrency(terms.principal()) + " is in another currency");
      }
      JournalEntry entry = postings.record(code, terms.receipt(), terms.received(),
          new GroupOperation.ReceiveBankLoan(terms.principal()));
      registry.putBankLoan(code, terms);
      return entry;
    }));
  }

  /**
   * Keeps the terms of a bank loan already in the books, received by an entry this engine did not
   * make with terms (a passbook line the rules sent to 2200, or {@code bank-loan receive} without
   * them): its principal is what the entry credits to 2200, its date the entry's. Then the EMIs of
   * later imports are split by them, as for {@link #receiveBankLoan}. Keeping the terms of a
   * receipt that has them already writes nothing.
   *
   * @param code the group, not null
   * @param receipt the entry that received the loan: it stands (not reversed) and credits the bank
   *     loan (2200) from the bank (1100), not null
   * @param annualRatePercent the bank's rate, percent a year, not null
   * @param instalments how many instalments, positive
   * @param method how the bank schedules them, not null
   * @return the terms kept (the first ones, for a receipt that had terms already), not null
   * @throws JournalException {@link org.shgledger.journal.Rejection#REVERSED_ENTRY_NOT_FOUND} for no
   *     such entry
   * @throws GroupException {@link GroupRejection#INVALID_ACCOUNT} for an entry that is not a bank
   *     loan received, or has been reversed
   * @throws IllegalArgumentException for terms out of range, as {@link BankLoan}
   */
  public BankLoan keepBankLoanTerms(BookId code, EntryId receipt, java.math.BigDecimal annualRatePercent,
      int instalments, org.shgledger.loan.RepaymentMethod method) {
    Objects.requireNonNull(receipt, "receipt");
    notOnFieldCopy(code, "keeping a bank loan's terms");
    return atomically(code, () -> {
      membership.group(code);
      JournalEntry entry = journal.entry(code, receipt).orElseThrow(() -> new JournalException(
          org.shgledger.journal.Rejection.REVERSED_ENTRY_NOT_FOUND, "book " + code + ": there is no entry " + receipt));
      Optional<Money> received = entry.postings().stream()
          .filter(p -> p.account().equals(Chart.BANK_LOAN) && p.side() == org.shgledger.journal.Side.CREDIT)
          .map(org.shgledger.journal.Posting::amount).findFirst();
      boolean fromBank = entry.postings().stream()
          .anyMatch(p -> p.account().equals(Chart.BANK) && p.side() == org.shgledger.journal.Side.DEBIT);
      if (received.isEmpty() || !fromBank || entry.reverses().isPresent() || !journal.stands(code, receipt)) {
        throw new GroupException(GroupRejection.INVALID_ACCOUNT, "entry " + receipt + " is not a bank loan"
            + " received into the bank (Dr 1100, Cr 2200) that stands: its terms cannot be kept");
      }
      BankLoan terms = new BankLoan(receipt, entry.date(), received.get(), annualRatePercent, instalments, method);
      registry.putBankLoan(code, terms);
      // a receipt's terms are written once: what is kept may be an earlier call's
      return registry.bankLoans(code).stream().filter(kept -> kept.receipt().equals(receipt)).findFirst()
          .orElse(terms);
    });
  }

  /**
   * Records a batch of everyday operations on one group as one unit (on a durable store, one
   * transaction), each checked by the same rules as {@link #record}: the importers' way to write
   * many lines at the speed of the journal's own batches. If any operation is refused, nothing of
   * the batch is kept on a durable store, and the exception names the refused operation's index
   * ({@link GroupException#batchIndex()}, {@link JournalException#batchIndex()}).
   *
   * @param code the group, not null
   * @param recordings the operations, at most {@link Journal#MAX_BATCH_ENTRIES}, not null
   * @return the recorded entries (a repeat's original), in order, not null
   * @throws GroupException if an engine rule refuses an operation
   * @throws JournalException if a journal rule refuses an entry
   */
  public List<JournalEntry> recordAll(BookId code, List<Recording> recordings) {
    Objects.requireNonNull(recordings, "recordings");
    Group group = membership.group(code);
    for (int i = 0; i < recordings.size(); i++) {
      try {
        admitEntry(group, Objects.requireNonNull(recordings.get(i), "recording"));
      } catch (GroupException e) {
        throw e.atBatchIndex(i);
      }
    }
    if (!log.active(code)) {
      return postings.recordAll(code, recordings);
    }
    List<Map<String, String>> bodies = recordings.stream()
        .map(r -> OperationBodies.of(code, r.id(), r.date(), r.operation())).toList();
    return atomically(code, () -> {
      List<JournalEntry> entries = postings.recordAll(code, recordings);
      for (int i = 0; i < recordings.size(); i++) {
        log.recorded(code, recordings.get(i).id().value(), bodies.get(i));
      }
      return entries;
    });
  }

  /**
   * Records one operation with where it came from, as {@link #record(BookId, EntryId, LocalDate,
   * GroupOperation)} does.
   *
   * @param code the group, not null
   * @param recording the operation, not null
   * @return the recorded entry (a repeat's original), not null
   * @throws GroupException if an engine rule refuses the operation
   * @throws JournalException if a journal rule refuses the entry
   */
  public JournalEntry record(BookId code, Recording recording) {
    admitEntry(membership.group(code), Objects.requireNonNull(recording, "recording"));
    return logged(code, recording.id().value(),
        () -> OperationBodies.of(code, recording.id(), recording.date(), recording.operation()),
        () -> postings.record(code, recording));
  }

  /**
   * Checks operations of one group by the rules of {@link #record} without recording them: an
   * importer's first pass, and what a dry run shows. The group is read once; the checker is
   * meant for one pass over a file, during which the group's definition does not change.
   *
   * @param code the group, not null
   * @return a function from an operation to the entry {@link #recordAll} would record for it,
   *     throwing {@link GroupException} where an engine rule refuses it, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Function<Recording, JournalEntry> checker(BookId code) {
    Group group = membership.group(code);
    Function<Recording, JournalEntry> check = postings.checker(code);
    return recording -> {
      admitEntry(group, Objects.requireNonNull(recording, "recording"));
      return check.apply(recording);
    };
  }

  /**
   * Reclassifies an imported bank line: records the reversal of its entry and a new entry with the
   * same bank side and the other side on another account, together (a reversal and a new entry,
   * never an edit). Both are dated as the original. The new entry can itself be reclassified later.
   * The new account is checked as a bank line's is ({@link GroupOperation.BankLine}).
   *
   * @param code the group, not null
   * @param entry the imported entry (often one in Suspense), not null
   * @param account the right account, not null
   * @return the reversal and the new entry, not null
   * @throws JournalException if there is no such entry, it is not an imported bank line, it was
   *     already reclassified, or the journal refuses either entry; nothing is recorded then
   * @throws GroupException {@link GroupRejection#ACCOUNT_OWNED_BY_ENGINE}, or a member's savings
   *     of someone who was not a member on the line's date
   */
  public List<JournalEntry> reclassifyBankLine(BookId code, EntryId entry, AccountCode account) {
    // no date check: both entries keep the date of a line that is in the books already
    notOnFieldCopy(code, "reclassifying a bank line");
    return postings.reclassifyBankLine(code, entry, account);
  }

  /**
   * Corrects a recorded entry by recording its exact opposite, linked to it. Reversing a member's
   * exit settlement makes her a member again.
   *
   * @param code the group, not null
   * @param original the entry to reverse, not null
   * @param reversalId the id of the reversing entry, not null
   * @param date the reversal's date, not null
   * @param memo why, not null; an account number in it is masked ({@link
   *     org.shgledger.journal.AccountNumbers})
   * @return the reversing entry, not null
   * @throws GroupException if the reversal would leave too little cash, bank or savings; {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD} for the
   *     reversal's date
   * @throws JournalException for the journal's reversal rules (not found, reversed already, locked)
   */
  public JournalEntry reverse(BookId code, EntryId original, EntryId reversalId, LocalDate date, String memo) {
    admitEntry(code, Objects.requireNonNull(reversalId, "reversalId"), date);
    return logged(code, reversalId.value(), () -> OperationBodies.reverse(reversalId, original, date),
        () -> corrections.reverse(code, original, reversalId, date, memo));
  }

  /**
   * Pays out an internal loan: debit the member's loan account, credit cash or bank (a bank
   * payout goes to her own account). The loan's payments will be split in the group's default
   * {@link LoanDefaults#allocationOrder() allocation order} of this day, kept with the loan.
   * Repeating the same disbursement changes nothing.
   *
   * @param code the group, not null
   * @param id the disbursement entry's id, not null
   * @param loanId the loan's id in the group, not null
   * @param memberId the borrower, not null
   * @param terms the terms (a schedule, or an open loan), whose disbursement date is the entry's
   *     date, not null
   * @param channel how the money is paid out, not null
   * @return the disbursement entry, not null
   * @throws GroupException {@link GroupRejection#LOAN_EXISTS}, {@link
   *     GroupRejection#LOAN_IN_OTHER_CURRENCY}, {@link GroupRejection#NOT_A_MEMBER_ON_DATE},
   *     {@link GroupRejection#NO_MEMBER_BANK_ACCOUNT}, {@link GroupRejection#INSUFFICIENT_CASH},
   *     {@link GroupRejection#INSUFFICIENT_BANK_BALANCE}; {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD} for the
   *     disbursement date (the schedule's later dates are not checked)
   */
  public JournalEntry disburseLoan(
      BookId code, EntryId id, LoanId loanId, MemberId memberId, Loan terms, Channel channel) {
    return disburseLoan(code, id, loanId, memberId, terms, channel,
        Money.zero(Objects.requireNonNull(terms, "terms").currency()));
  }

  /**
   * Pays out a loan less a processing fee taken at disbursement (issue 14): debit her loan account
   * (1200) with the full amount, which is her loan; credit cash (or bank) with the amount less the
   * fee, and 4300 Other income with the fee. Otherwise as {@link #disburseLoan(BookId, EntryId,
   * LoanId, MemberId, Loan, Channel)}.
   *
   * @param code the group, not null
   * @param id the disbursement entry's id, not null
   * @param loanId the loan's id in the group, not null
   * @param memberId the borrower, not null
   * @param terms the terms, whose disbursement date is the entry's date, not null
   * @param channel how the money is paid out, not null
   * @param fee the processing fee, zero or more and less than the amount lent, not null
   * @return the disbursement entry, not null
   * @throws GroupException as the method without a fee, and {@link GroupRejection#INVALID_AMOUNT}
   *     for a fee out of range
   */
  public JournalEntry disburseLoan(
      BookId code, EntryId id, LoanId loanId, MemberId memberId, Loan terms, Channel channel, Money fee) {
    Objects.requireNonNull(loanId, "loanId");
    admit(code, Objects.requireNonNull(terms, "terms").disbursementDate(), "loan " + loanId + "'s disbursement",
        () -> registry.loan(code, loanId).isPresent());
    return logged(code, Objects.requireNonNull(id, "id").value(),
        () -> OperationBodies.disburse(code, id, loanId, memberId, terms, channel, fee),
        () -> lending.disburseLoan(code, id, loanId, memberId, terms, channel, fee));
  }

  /**
   * Charges a penalty on a loan, such as for a late instalment. It is not money yet: it is owed,
   * and the next payments pay it first; it becomes income (4100) when paid. Charging the same
   * penalty id again changes nothing.
   *
   * @param code the group, not null
   * @param id the penalty's id, not null
   * @param loanId the loan, not null
   * @param date the day it is charged, not before the loan's latest event, not null
   * @param amount positive, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_AMOUNT}, {@link GroupRejection#LOAN_EVENT_OUT_OF_ORDER}, {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public void chargeLoanPenalty(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(loanId, "loanId");
    admit(code, date, "penalty " + id,
        () -> registry.loanEvents(code, loanId).stream().anyMatch(event -> event.id().equals(id)));
    logged(code, id.value(), () -> OperationBodies.penalty(id, loanId, date, amount), () -> {
      lending.chargeLoanPenalty(code, id, loanId, date, amount);
      return null;
    });
  }

  /**
   * Records a repayment, split into penalties, interest and principal by the loan's history (see
   * {@link LoanHistory#allocate}): debit cash or bank; credit 4100 penalties, 4000 interest and
   * the member's loan account. Repeating the same payment changes nothing.
   *
   * @param code the group, not null
   * @param id the payment entry's id, not null
   * @param loanId the loan, not null
   * @param date the day of the payment, not before the loan's latest event, not null
   * @param amount the payment, positive, not null
   * @param channel where the money comes in, not null
   * @return the payment entry, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_AMOUNT}, {@link GroupRejection#LOAN_EVENT_OUT_OF_ORDER}, {@link
   *     GroupRejection#REPAYMENT_EXCEEDS_DEBT} if the payment is more than the loan will ever ask,
   *     {@link GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public JournalEntry repayLoan(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount, Channel channel) {
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return logged(code, id.value(), () -> OperationBodies.repay(id, loanId, date, amount, channel),
        () -> lending.repayLoan(code, id, loanId, date, amount, channel));
  }

  /**
   * Settles a loan early in one entry (issue 14): fines due, interest due, the interest of the
   * period in progress for the days used and all the principal outstanding, nothing for periods
   * not yet reached (see {@link LoanHistory#settlement(LocalDate, FlatEarlyInterest)}); a flat
   * loan with {@link FlatEarlyInterest#FULL} also pays the flat interest of its remaining periods.
   * Posted as a repayment (debit cash or bank; credit 4100, 4000 and the member's loan account),
   * recorded as the loan's payment, reversible as one. Repeating the same id changes nothing.
   *
   * @param code the group, not null
   * @param id the settlement entry's id, not null
   * @param loanId the loan, not null
   * @param date the day, not before the loan's latest event, not null
   * @param channel where the money comes in, not null
   * @param flatEarlyInterest what a flat loan charges for the periods not reached, not null
   * @return the settlement entry, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#LOAN_EVENT_OUT_OF_ORDER}, {@link GroupRejection#REPAYMENT_EXCEEDS_DEBT} if
   *     the loan is settled already, {@link GroupRejection#DATE_BEFORE_FORMATION}, {@link
   *     GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public JournalEntry settleLoan(
      BookId code, EntryId id, LoanId loanId, LocalDate date, Channel channel, FlatEarlyInterest flatEarlyInterest) {
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return logged(code, id.value(), () -> OperationBodies.settle(id, loanId, date, channel, flatEarlyInterest),
        () -> lending.settleLoan(code, id, loanId, date, channel, flatEarlyInterest));
  }

  /**
   * Where a loan stands at the end of a day: outstanding principal, what is due and overdue, days
   * past due.
   *
   * @param code the group, not null
   * @param loanId the loan, not null
   * @param asOf the day, not before the disbursement, not null
   * @return the state, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_DATE} before the loan was paid out
   */
  public LoanState loanState(BookId code, LoanId loanId, LocalDate asOf) {
    return lending.loanState(code, loanId, asOf);
  }

  /**
   * The loans of a group that stand (whose disbursement has not been reversed), in id order.
   *
   * @param code the group, not null
   * @return the loans, not null
   */
  public List<MemberLoan> loans(BookId code) {
    return membership.loans(code);
  }

  /**
   * The loans of one member that stand, in id order: {@link #loans} for one borrower, reading only
   * hers (a meeting register's repayment row asks this, once per row).
   *
   * @param code the group, not null
   * @param memberId the borrower, not null
   * @return her loans, not null
   */
  public List<MemberLoan> loansOf(BookId code, MemberId memberId) {
    return membership.loansOf(code, memberId);
  }

  /**
   * A loan's history: its terms with the penalties and the payments that stand, in order, its
   * payments split in the loan's own allocation order.
   *
   * @param code the group, not null
   * @param loan the loan, not null
   * @return the history, not null
   */
  public LoanHistory history(BookId code, MemberLoan loan) {
    return membership.history(code, loan);
  }

  /**
   * Every standing loan of a group with its history, as {@link #loans} and {@link #history} give
   * them one at a time: for a report over all of a group's loans, which reads the group's loan
   * events together.
   *
   * @param code the group, not null
   * @return each standing loan and its history, in the order of {@link #loans}, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Map<MemberLoan, LoanHistory> histories(BookId code) {
    return lending.histories(code);
  }

  /**
   * Closes a financial year: every income and expense account's balance for the year is moved
   * into 3100 Accumulated surplus by one entry dated the year's last day, and the book is locked
   * up to that day. A year with no income or expense is only locked.
   *
   * @param code the group, not null
   * @param id the closing entry's id, not null
   * @param yearEnd the last day of a financial year of the group, not null
   * @return the closing entry, or empty if there was nothing to close
   * @throws GroupException {@link GroupRejection#YEAR_ALREADY_CLOSED} if the book is locked on or
   *     after that day
   * @throws GroupException {@link GroupRejection#INVALID_DATE} if the date is not the last day of a
   *     financial year; {@link GroupRejection#DATE_BEFORE_FORMATION}, {@link
   *     GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public Optional<JournalEntry> closeYear(BookId code, EntryId id, LocalDate yearEnd) {
    notOnFieldCopy(code, "closing the year");
    admitEntry(code, Objects.requireNonNull(id, "id"), yearEnd);
    return closing.closeYear(code, id, yearEnd);
  }

  /**
   * Distributes part of the accumulated surplus to the members of a date in proportion to their
   * savings (compulsory plus voluntary) that day, every paisa allocated by the largest-remainder
   * method. Each share is credited to the member's voluntary savings; no cash moves. In a group
   * that keeps whole rupees each share is rounded down to whole rupees and what that leaves of the
   * total stays in the accumulated surplus (the entry credits it back, so its debit is the total
   * asked for).
   *
   * @param code the group, not null
   * @param id the entry's id, not null
   * @param date the date, not null
   * @param total the amount to distribute, positive, not null
   * @return the entry, not null
   * @throws GroupException {@link GroupRejection#INSUFFICIENT_SURPLUS} if the accumulated surplus
   *     is smaller, {@link GroupRejection#NOTHING_TO_SHARE_BY} if no member has savings, {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public JournalEntry distributeSurplus(BookId code, EntryId id, LocalDate date, Money total) {
    notOnFieldCopy(code, "distributing the surplus");
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return closing.distributeSurplus(code, id, date, total);
  }

  /**
   * Settles a leaving member in one entry: she is paid her compulsory and voluntary savings and
   * her share of the undistributed surplus (accumulated surplus plus this year's income less
   * expense, shared among the members of the day in proportion to savings), less everything her
   * loans will ask (penalties, interest due and to come as scheduled, and principal: see {@link
   * LoanHistory#settlement}). If she owes more than she is due, she pays the difference in. She is
   * then recorded as having left on that date, and her loans as repaid by this entry.
   *
   * @param code the group, not null
   * @param id the settlement entry's id, not null
   * @param memberId the leaving member, not null
   * @param date the date she leaves, not null
   * @param channel how she is paid (or pays), not null; {@link Channel#BANK} pays her own account
   * @return the settlement entry, or empty if she had nothing to settle (no savings, share or
   *     loan), in which case only her leaving is recorded
   * @throws GroupException {@link GroupRejection#NOT_A_MEMBER_ON_DATE}, {@link
   *     GroupRejection#INSUFFICIENT_CASH} or {@link GroupRejection#INSUFFICIENT_BANK_BALANCE} if
   *     the group cannot pay her, {@link GroupRejection#NO_MEMBER_BANK_ACCOUNT}, {@link
   *     GroupRejection#LOAN_EVENT_OUT_OF_ORDER} if a loan of hers has a later event, {@link
   *     GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public Optional<JournalEntry> settleExit(BookId code, EntryId id, MemberId memberId, LocalDate date, Channel channel) {
    notOnFieldCopy(code, "settling a member's exit");
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return closing.settleExit(code, id, memberId, date, channel);
  }

  /**
   * Shares out the fund at the end of a cycle (the VSLA practice), with the {@linkplain
   * ShareOutTerms#DEFAULT default terms}: grants kept as the group's corpus, what rounding to
   * whole rupees leaves to the accumulated surplus.
   *
   * @param code the group, not null
   * @param id the entry's id, not null
   * @param date the date, not null
   * @return the share-out entry, not null
   * @throws GroupException as {@link #shareOut(BookId, EntryId, LocalDate, ShareOutTerms)}
   */
  public JournalEntry shareOut(BookId code, EntryId id, LocalDate date) {
    return shareOut(code, id, date, ShareOutTerms.DEFAULT);
  }

  /**
   * Shares out the fund at the end of a cycle (the VSLA practice): every member of the day is paid
   * her savings plus a share of the group's own funds (surplus, this year's income less expense,
   * and the grants only if the terms {@linkplain ShareOutTerms#includeGrants include them}) in
   * proportion to her savings. In a group that keeps whole rupees each payout is rounded down to
   * whole rupees and what that leaves goes to the terms' {@linkplain ShareOutTerms#remainderTo
   * account}; otherwise every paisa is paid. Each share is credited to her voluntary savings and
   * her whole savings paid out in the same entry, so her passbook shows both. The payouts come
   * from cash first, then from the bank; the corpus and the remainder stay in the group.
   *
   * @param code the group, not null
   * @param id the entry's id, not null
   * @param date the date, not null
   * @param terms what is shared and where the remainder goes, not null
   * @return the share-out entry, not null
   * @throws GroupException {@link GroupRejection#MEMBER_LOANS_OUTSTANDING}, {@link
   *     GroupRejection#EXTERNAL_LOANS_OUTSTANDING}, {@link GroupRejection#NOTHING_TO_SHARE_BY},
   *     {@link GroupRejection#INVALID_ACCOUNT} for a remainder account that is not an equity or
   *     income account of the chart, {@link GroupRejection#DATE_BEFORE_FORMATION}, {@link
   *     GroupRejection#DATE_TOO_FAR_AHEAD}
   */
  public JournalEntry shareOut(BookId code, EntryId id, LocalDate date, ShareOutTerms terms) {
    notOnFieldCopy(code, "a share-out");
    admitEntry(code, Objects.requireNonNull(id, "id"), date);
    return closing.shareOut(code, id, date, terms);
  }

  /**
   * A member's savings on a date: compulsory plus voluntary.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @param date the date, inclusive, not null
   * @return her savings, not null
   */
  public Money savings(BookId code, MemberId memberId, LocalDate date) {
    return membership.savings(code, memberId, date);
  }

  /**
   * The members of a group on a date, in id order.
   *
   * @param code the group, not null
   * @param date the date, not null
   * @return the members, not null
   */
  public List<Member> membersOn(BookId code, LocalDate date) {
    return membership.membersOn(code, date);
  }

  /**
   * Runs an operation and, on a field copy's book, keeps its body in the same unit of work.
   */
  private <T> T logged(BookId code, String key, Supplier<Map<String, String>> body, Supplier<T> work) {
    if (!log.active(code)) {
      return work.get();
    }
    Map<String, String> made = body.get(); // an operation that cannot be sent is refused before it runs
    return atomically(code, () -> {
      T result = work.get();
      log.recorded(code, key, made);
      return result;
    });
  }

  /** On a field copy's book, refuses what the server's API does not take. */
  private void notOnFieldCopy(BookId code, String what) {
    if (log.active(code)) {
      throw OperationBodies.unsupported(code, what);
    }
  }

  /**
   * Runs several operations on one group as one unit, through this engine's {@link UnitOfWork}:
   * over a {@code LedgerStore} they are one database transaction (each operation inside joins it),
   * so if the work throws, nothing any of them wrote is kept. Importers use it to write a whole
   * file or nothing. Over {@link UnitOfWork#immediate()} (the in-memory engine) the operations run
   * directly and what succeeded before a failure stays.
   *
   * @param code the group the work writes, locked for the whole work where the store has locks,
   *     not null
   * @param work the operations; a store may run it again from the start, so it must decide from
   *     what it reads, not null
   * @param <T> the work's result
   * @return the work's result, possibly null
   */
  public <T> T atomically(BookId code, Supplier<T> work) {
    return membership.atomically(code, work);
  }

  /**
   * Whether {@link #atomically} keeps nothing of work that throws ({@link
   * UnitOfWork#undoesFailedWork}): true over a {@code LedgerStore}, false over {@link
   * UnitOfWork#immediate()}.
   *
   * @return true if a failed unit is undone whole
   */
  public boolean undoesFailedWork() {
    return membership.unitOfWork.undoesFailedWork();
  }

  // The engine's one date check. It runs before the operation's own rules, since a mistyped date
  // is the likelier mistake and would otherwise be reported as something else (a member "not yet
  // joined"). It is skipped for a repeat, which its part answers as before (or refuses as other
  // content under a known key): books kept before the check, with a date it would refuse, still
  // take the same files again. Only the refusal path asks whether the key is known.

  /** Refuses a new record of a group's books dated outside the limits. */
  private void admit(BookId code, LocalDate date, String what, BooleanSupplier recorded) {
    unlessRecorded(dates.refusal(membership.group(code), date, what), recorded);
  }

  /** Refuses a new entry dated outside the limits. */
  private void admitEntry(BookId code, EntryId id, LocalDate date) {
    admit(code, date, "entry " + id, () -> journal.entry(code, id).isPresent());
  }

  private void admitEntry(Group group, Recording recording) {
    unlessRecorded(dates.refusal(group, recording.date(), "entry " + recording.id()),
        () -> journal.entry(group.code(), recording.id()).isPresent());
  }

  /** Refuses a bank account opened on an odd date, unless it is the one on record. */
  private void admitBankAccount(BookId code, MemberId memberId, MemberBankAccount account) {
    unlessRecorded(dates.refusalOutsideBooks(code, account.opened(), memberId + "'s bank account's opening"),
        () -> registry.member(code, memberId).flatMap(Member::bankAccount).equals(Optional.of(account)));
  }

  private static void unlessRecorded(Optional<GroupException> refusal, BooleanSupplier recorded) {
    if (refusal.isPresent() && !recorded.getAsBoolean()) {
      throw refusal.get();
    }
  }
}
