package org.shgledger.group;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;

/**
 * The kind of an entry recorded before entries carried their kind, worked out from what the
 * engine of that time wrote: its memos, ids, source references and postings. A store's migration
 * gives every old entry the kind this finds, and {@code shg verify} checks that an old entry's
 * stored kind is still the one this finds, since the old entries' hashes do not cover it.
 *
 * <p>For an entry the engine records today this finds the kind the engine gives it (a property
 * test holds them together), so an old book reads as a new one would. The memos' words are those
 * of the catalogue {@link EngineMemo}, whose English never changes for that reason.
 */
public final class LegacyKinds {

  private static final Pattern LOAN = Pattern.compile("loan ([A-Za-z0-9][A-Za-z0-9_-]*) to ([A-Za-z0-9][A-Za-z0-9_-]*)");
  private static final Pattern REPAYMENT =
      Pattern.compile("repayment of loan ([A-Za-z0-9][A-Za-z0-9_-]*) by ([A-Za-z0-9][A-Za-z0-9_-]*)");
  private static final Pattern MEMBER_OPERATION =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*) (saves \\((compulsory|voluntary)\\)|withdraws savings \\((compulsory|voluntary)\\)|fined(: .*)?)",
          Pattern.DOTALL);

  /** The memos of the everyday operations that concern no member, and the kind each records. */
  private static final Map<String, EntryKind> FIXED_MEMOS = Map.ofEntries(
      Map.entry(EngineMemo.CASH_BANKED.english(), EntryKind.CASH_BANKED),
      Map.entry(EngineMemo.CASH_DRAWN.english(), EntryKind.CASH_DRAWN),
      Map.entry(EngineMemo.BANK_INTEREST.english(), EntryKind.BANK_INTEREST),
      Map.entry(EngineMemo.BANK_CHARGES.english(), EntryKind.BANK_CHARGES),
      Map.entry(EngineMemo.BANK_LOAN_RECEIVED.english(), EntryKind.BANK_LOAN_RECEIVED),
      Map.entry(EngineMemo.BANK_LOAN_INSTALMENT.english(), EntryKind.BANK_LOAN_REPAYMENT),
      Map.entry(EngineMemo.FEDERATION_LOAN_RECEIVED.english(), EntryKind.FEDERATION_LOAN_RECEIVED),
      Map.entry(EngineMemo.FEDERATION_LOAN_REPAYMENT.english(), EntryKind.FEDERATION_LOAN_REPAYMENT),
      Map.entry(EngineMemo.GRANT_RECEIVED.english(), EntryKind.GRANT));

  private LegacyKinds() {}

  /**
   * The entry with the kind, member and loan the engine of its time meant, for an entry that
   * carries none (of kind {@link EntryKind#GENERAL}). A reversal takes the member and loan of the
   * entry it reverses, which the caller looks up.
   *
   * @param entry the entry as stored, not null
   * @param reversed the entry it reverses, already classified, if it is a reversal; not null
   * @return the entry with its kind, not null
   */
  public static JournalEntry classify(JournalEntry entry, Optional<JournalEntry> reversed) {
    if (entry.reverses().isPresent()) {
      return entry.withKind(EntryKind.REVERSAL, reversed.flatMap(JournalEntry::member),
          reversed.flatMap(JournalEntry::loan));
    }
    String memo = entry.memo();
    String id = entry.id().value();
    Optional<String> source = entry.sourceReference();
    if (id.startsWith(SavingsGroups.BANK_LINE_ID_PREFIX)) {
      return entry.withKind(EntryKind.BANK_LINE, memberOfBankLine(entry.postings()), Optional.empty());
    }
    if (source.isPresent() && source.get().startsWith(SavingsGroups.EXIT_SOURCE)) {
      return entry.withKind(EntryKind.EXIT_SETTLEMENT,
          Optional.of(source.get().substring(SavingsGroups.EXIT_SOURCE.length())), Optional.empty());
    }
    if (source.isEmpty()) {
      if (memo.equals(SavingsGroups.YEAR_END_MEMO)) {
        return entry.withKind(EntryKind.YEAR_END, Optional.empty(), Optional.empty());
      }
      if (memo.equals(SavingsGroups.DISTRIBUTION_MEMO)) {
        return entry.withKind(EntryKind.SURPLUS_DISTRIBUTION, Optional.empty(), Optional.empty());
      }
      // the memo of version 1's share-out, which paid out the whole fund, grants included
      if (memo.equals(EngineMemo.SHARE_OUT_WHOLE_FUND.english())) {
        return entry.withKind(EntryKind.SHARE_OUT, Optional.empty(), Optional.empty());
      }
      if (id.startsWith("OPEN:") && memo.startsWith("opening balances from the paper books as of ")) {
        return entry.withKind(EntryKind.OPENING_BALANCES, Optional.empty(), Optional.empty());
      }
      Matcher loan = LOAN.matcher(memo);
      if (loan.matches() && posts(entry, Side.DEBIT, Chart.memberAccount(Chart.MEMBER_LOANS, MemberId.of(loan.group(2))))) {
        return entry.withKind(EntryKind.LOAN_DISBURSEMENT, Optional.of(loan.group(2)), Optional.of(loan.group(1)));
      }
      Matcher repayment = REPAYMENT.matcher(memo);
      if (repayment.matches()) {
        return entry.withKind(EntryKind.LOAN_REPAYMENT, Optional.of(repayment.group(2)),
            Optional.of(repayment.group(1)));
      }
      Matcher member = MEMBER_OPERATION.matcher(memo);
      if (member.matches()) {
        EntryKind kind = member.group(2).startsWith("saves") ? EntryKind.SAVING
            : member.group(2).startsWith("withdraws") ? EntryKind.SAVINGS_WITHDRAWAL : EntryKind.FINE;
        if (kind != EntryKind.FINE || posts(entry, Side.CREDIT, Chart.FINES)) {
          return entry.withKind(kind, Optional.of(member.group(1)), Optional.empty());
        }
      }
      EntryKind fixed = FIXED_MEMOS.get(memo);
      if (fixed != null) {
        return entry.withKind(fixed, Optional.empty(), Optional.empty());
      }
      if ((memo.equals("expense") || memo.startsWith("expense: ")) && posts(entry, Side.DEBIT, Chart.EXPENSES)) {
        return entry.withKind(EntryKind.EXPENSE, Optional.empty(), Optional.empty());
      }
      if ((memo.equals("other income") || memo.startsWith("other income: ")) && posts(entry, Side.CREDIT, Chart.OTHER_INCOME)) {
        return entry.withKind(EntryKind.OTHER_INCOME, Optional.empty(), Optional.empty());
      }
    }
    return entry.withKind(EntryKind.GENERAL, Optional.empty(), Optional.empty());
  }

  private static boolean posts(JournalEntry entry, Side side, AccountCode account) {
    return entry.postings().stream().anyMatch(p -> p.side() == side && p.account().equals(account));
  }

  private static Optional<String> memberOfBankLine(List<Posting> postings) {
    for (Posting posting : postings) {
      Optional<MemberId> member = Chart.memberOf(posting.account());
      if (member.isPresent() && !posting.account().value().startsWith(Chart.MEMBER_LOANS.value() + ":")) {
        return Optional.of(member.get().value());
      }
    }
    return Optional.empty();
  }
}
