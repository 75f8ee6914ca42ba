package org.shgledger.store;

import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;

/**
 * What {@link JdbcJournal#verify(BookId)} found in one book: either every stored entry matches
 * its hash and the chain, the stored balances equal the fold of the postings, every row of the
 * registry matches the registry chain, no account's balance breaks its limit on any day and no
 * entry was recorded into a period locked when it was recorded; or the first thing that does not.
 *
 * <p>The head hash is the last entry's hash: it stands for the whole book up to that entry. An
 * auditor who writes it down can later check that the same entries, unchanged, are still there,
 * which also catches entries removed from the end of the book (see docs/store.md). The registry
 * head hash does the same for the registry's rows (members, loans, meetings, accounts, locks).
 *
 * @param book the book, not null
 * @param entriesChecked how many entries were checked before the first mismatch, or all of them
 * @param headHash the hash of the last entry checked, all zeros for a book with no entries, not
 *     null
 * @param registryEventsChecked how many registry events (one per registry row) were checked
 *     before the first mismatch in the registry, or all of them; 0 when the journal failed first
 * @param registryHeadHash the hash of the last registry event checked, all zeros when none was,
 *     not null
 * @param mismatch the first mismatch, not null (empty when the book verifies)
 */
public record Verification(
    BookId book,
    long entriesChecked,
    String headHash,
    long registryEventsChecked,
    String registryHeadHash,
    Optional<Mismatch> mismatch) {

  /**
   * Creates a result.
   *
   * @param book the book, not null
   * @param entriesChecked how many entries were checked before the first mismatch, or all of them
   * @param headHash the hash of the last entry checked, all zeros for a book with no entries, not
   *     null
   * @param registryEventsChecked how many registry events were checked
   * @param registryHeadHash the hash of the last registry event checked, not null
   * @param mismatch the first mismatch, not null (empty when the book verifies)
   * @throws NullPointerException if any argument is null
   */
  public Verification {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(registryHeadHash, "registryHeadHash");
    Objects.requireNonNull(mismatch, "mismatch");
  }

  /**
   * Whether the book verifies.
   *
   * @return true when nothing is wrong
   */
  public boolean isOk() {
    return mismatch.isEmpty();
  }

  /** What kind of thing does not match. */
  public enum Kind {
    /** The chain is broken: an entry is missing, or its stored previous hash is not its
     *  predecessor's hash. */
    CHAIN,
    /** The entry's stored content (a memo, an amount, a posting) is not what was hashed, or is
     *  not a valid entry (unbalanced, a posting dated apart from its entry). */
    CONTENT,
    /** The postings the store sums for balances differ from the postings of the verified
     *  entries: rows were added behind the library's back. */
    BALANCE,
    /** A registry row (a member, a loan, a meeting, an account, a lock) is not what its registry
     *  event recorded, was removed, or was added with no event; or the registry chain is broken. */
    REGISTRY,
    /** An account's balance breaks its limit ({@link org.shgledger.journal.BalanceConstraint}) at
     *  the end of a day: a cash box or bank account below zero. */
    LIMIT,
    /** An entry was recorded, after the book was locked, dated on or before the lock date. */
    LOCK
  }

  /**
   * The first thing in a book that does not match.
   *
   * @param kind what kind of mismatch, not null
   * @param sequence the position of the entry in its book (1 for the first), or of the posting
   *     rows that belong to no entry, or of the registry event; 0 for a mismatch of a whole
   *     account or of a registry row recorded by no event
   * @param entry the entry at fault, not null (empty when the fault belongs to no entry)
   * @param detail what does not match, for people, not null
   */
  public record Mismatch(Kind kind, long sequence, Optional<EntryId> entry, String detail) {

    /**
     * Creates a mismatch.
     *
     * @param kind what kind of mismatch, not null
     * @param sequence the position of the entry in its book (1 for the first), or of the posting
     *     rows that belong to no entry, or of the registry event; 0 for a mismatch of a whole
     *     account or of a registry row recorded by no event
     * @param entry the entry at fault, not null (empty when the fault belongs to no entry)
     * @param detail what does not match, for people, not null
     * @throws NullPointerException if any argument is null
     */
    public Mismatch {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
