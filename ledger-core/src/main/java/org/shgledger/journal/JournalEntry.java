package org.shgledger.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One business event as a balanced set of postings: a member's savings, a loan paid out, a bank
 * charge. Entries are never edited or deleted; a mistake is corrected by recording its {@link
 * #reversal reversal} and then the right entry.
 *
 * <p>This type only holds what the caller says. The journal decides whether the entry is valid
 * when it is recorded (see {@link Rejection} for the checks and their order), so an entry can be
 * built, compared and sent again freely. Two entries are the same content when they are {@code
 * equals}.
 *
 * @param id the caller-chosen id, unique in the book; the idempotency key; not null
 * @param book the book, not null
 * @param date the date of the event (not of recording), not null
 * @param memo a description for people, up to {@value #MAX_MEMO_LENGTH} characters, not null
 * @param postings the lines, in the caller's order, not null; copied
 * @param reverses the entry this one reverses, not null (may be empty)
 * @param sourceReference where the entry came from (a passbook line, a register page), up to
 *     {@value #MAX_SOURCE_REFERENCE_LENGTH} characters, not null (may be empty)
 * @param kind what the entry records, as data; {@link EntryKind#GENERAL} for an entry made
 *     straight into a journal, not null
 * @param member the member the entry concerns, where it has one (her savings, fine, loan, exit),
 *     an identifier of up to {@value #MAX_SUBJECT_LENGTH} characters, not null (may be empty)
 * @param loan the loan the entry concerns (a disbursement or repayment), an identifier of up to
 *     {@value #MAX_SUBJECT_LENGTH} characters, not null (may be empty)
 */
public record JournalEntry(
    EntryId id,
    BookId book,
    LocalDate date,
    String memo,
    List<Posting> postings,
    Optional<EntryId> reverses,
    Optional<String> sourceReference,
    EntryKind kind,
    Optional<String> member,
    Optional<String> loan) {

  /** The longest memo accepted. */
  public static final int MAX_MEMO_LENGTH = 500;

  /** The longest source reference accepted. */
  public static final int MAX_SOURCE_REFERENCE_LENGTH = 200;

  /** The longest member or loan id an entry names. */
  public static final int MAX_SUBJECT_LENGTH = 32;

  /**
   * Creates an entry.
   *
   * @param id the caller-chosen id, unique in the book; the idempotency key; not null
   * @param book the book, not null
   * @param date the date of the event (not of recording), not null
   * @param memo a description for people, up to {@value #MAX_MEMO_LENGTH} characters, not null
   * @param postings the lines, in the caller's order, not null; copied
   * @param reverses the entry this one reverses, not null (may be empty)
   * @param sourceReference where the entry came from (a passbook line, a register page), up to
   *     {@value #MAX_SOURCE_REFERENCE_LENGTH} characters, not null (may be empty)
   * @param kind what the entry records, as data; {@link EntryKind#GENERAL} for an entry made
   *     straight into a journal, not null
   * @param member the member the entry concerns, where it has one (her savings, fine, loan, exit),
   *     an identifier of up to {@value #MAX_SUBJECT_LENGTH} characters, not null (may be empty)
   * @param loan the loan the entry concerns (a disbursement or repayment), an identifier of up to
   *     {@value #MAX_SUBJECT_LENGTH} characters, not null (may be empty)
   * @throws NullPointerException if any argument or posting is null
   * @throws IllegalArgumentException if the memo or source reference is too long
   */
  public JournalEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(date, "date");
    Identifiers.checkText("memo", memo, MAX_MEMO_LENGTH);
    postings = List.copyOf(postings);
    Objects.requireNonNull(reverses, "reverses");
    Objects.requireNonNull(sourceReference, "sourceReference");
    sourceReference.ifPresent(
        s -> Identifiers.checkText("source reference", s, MAX_SOURCE_REFERENCE_LENGTH));
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(loan, "loan");
    member.ifPresent(m -> Identifiers.check("member", m, MAX_SUBJECT_LENGTH));
    loan.ifPresent(l -> Identifiers.check("loan", l, MAX_SUBJECT_LENGTH));
  }

  /**
   * An entry of {@link EntryKind#GENERAL} kind that names no member or loan.
   *
   * @param id the id, not null
   * @param book the book, not null
   * @param date the date, not null
   * @param memo the memo, not null
   * @param postings the postings, not null
   * @param reverses the entry this one reverses, not null (may be empty)
   * @param sourceReference where it came from, not null (may be empty)
   */
  public JournalEntry(EntryId id, BookId book, LocalDate date, String memo, List<Posting> postings,
      Optional<EntryId> reverses, Optional<String> sourceReference) {
    this(id, book, date, memo, postings, reverses, sourceReference, EntryKind.GENERAL, Optional.empty(),
        Optional.empty());
  }

  /**
   * An ordinary entry, reversing nothing, with no source reference.
   *
   * @param id the id, not null
   * @param book the book, not null
   * @param date the date, not null
   * @param memo the memo, not null
   * @param postings the postings, not null
   * @return the entry, not null
   */
  public static JournalEntry of(
      EntryId id, BookId book, LocalDate date, String memo, List<Posting> postings) {
    return new JournalEntry(id, book, date, memo, postings, Optional.empty(), Optional.empty());
  }

  /**
   * The same entry saying what it records and whom it concerns.
   *
   * @param value the kind, not null
   * @param memberId the member it concerns, not null (may be empty)
   * @param loanId the loan it concerns, not null (may be empty)
   * @return a new entry, not null
   */
  public JournalEntry withKind(EntryKind value, Optional<String> memberId, Optional<String> loanId) {
    return new JournalEntry(id, book, date, memo, postings, reverses, sourceReference, value, memberId, loanId);
  }

  /**
   * Whether this entry holds the same content as another, leaving aside its kind and the member
   * and loan it names: what a repeat of an entry must match. The kind follows from the content
   * (the engine derives it from the operation it records), so it does not tell two entries apart.
   *
   * @param other another entry, not null
   * @return true if id, book, date, memo, postings, reversed entry and source reference are equal
   */
  public boolean sameContentAs(JournalEntry other) {
    return id.equals(other.id) && book.equals(other.book) && date.equals(other.date) && memo.equals(other.memo)
        && postings.equals(other.postings) && reverses.equals(other.reverses)
        && sourceReference.equals(other.sourceReference);
  }

  /**
   * The same entry with a source reference.
   *
   * @param reference where the entry came from, not null
   * @return a new entry, not null
   */
  public JournalEntry withSourceReference(String reference) {
    return new JournalEntry(id, book, date, memo, postings, reverses, Optional.of(reference), kind, member, loan);
  }

  /**
   * The exact opposite of this entry: the same accounts and amounts in the same order with debit
   * and credit swapped, linked to this entry, of kind {@link EntryKind#REVERSAL} and concerning the
   * same member and loan. Recording it restores every balance this entry changed.
   *
   * @param reversalId the id of the reversing entry, not null
   * @param reversalDate its date, on or after this entry's date, not null
   * @param reversalMemo why it is reversed, not null
   * @return the reversing entry, not null
   */
  public JournalEntry reversal(EntryId reversalId, LocalDate reversalDate, String reversalMemo) {
    return new JournalEntry(
        reversalId,
        book,
        reversalDate,
        reversalMemo,
        postings.stream().map(Posting::opposite).toList(),
        Optional.of(id),
        Optional.empty(),
        EntryKind.REVERSAL,
        member,
        loan);
  }
}
