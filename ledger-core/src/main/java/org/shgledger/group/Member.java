package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a group: what the books need to know about her, and no more.
 *
 * @param id her id in the group, not null
 * @param name her name as the group writes it, up to 80 characters, not null; kept for the
 *     group's own registers and never put in reports for donors
 * @param category adult woman or adolescent girl, not null
 * @param joined the date she joined, not null
 * @param exited the date she left, not null (empty while she is a member)
 * @param bankAccount her own bank account, not null (may be empty)
 */
public record Member(
    MemberId id,
    String name,
    MemberCategory category,
    LocalDate joined,
    Optional<LocalDate> exited,
    Optional<MemberBankAccount> bankAccount) {

  /**
   * Creates a member record.
   *
   * @param id her id in the group, not null
   * @param name her name as the group writes it, up to 80 characters, not null; kept for the
   *     group's own registers and never put in reports for donors
   * @param category adult woman or adolescent girl, not null
   * @param joined the date she joined, not null
   * @param exited the date she left, not null (empty while she is a member)
   * @param bankAccount her own bank account, not null (may be empty)
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the name is blank, too long or not one line of visible text
   *     ({@link org.shgledger.journal.PlainText}), or she left before joining
   */
  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 80) {
      throw new IllegalArgumentException("member name must be 1 to 80 characters");
    }
    org.shgledger.journal.PlainText.check("a member's name", name);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(joined, "joined");
    Objects.requireNonNull(exited, "exited");
    Objects.requireNonNull(bankAccount, "bankAccount");
    if (exited.isPresent() && exited.get().isBefore(joined)) {
      throw new IllegalArgumentException("member " + id + " cannot leave before she joined");
    }
  }

  /**
   * A new member with no bank account.
   *
   * @param id her id, not null
   * @param name her name, not null
   * @param category her category, not null
   * @param joined the date she joined, not null
   * @return the member, not null
   */
  public static Member joining(MemberId id, String name, MemberCategory category, LocalDate joined) {
    return new Member(id, name, category, joined, Optional.empty(), Optional.empty());
  }

  /**
   * The same member with a bank account.
   *
   * @param account the account, not null
   * @return a new record, not null
   */
  public Member withBankAccount(MemberBankAccount account) {
    return new Member(id, name, category, joined, exited, Optional.of(account));
  }

  /**
   * The same member, having left on a date.
   *
   * @param date the date she left, not null
   * @return a new record, not null
   */
  public Member leaving(LocalDate date) {
    return new Member(id, name, category, joined, Optional.of(date), bankAccount);
  }

  /**
   * Whether she was a member on a date: joined on or before it and not yet left.
   *
   * @param date the date, not null
   * @return true if she was a member that day (including the day she left)
   */
  public boolean isMemberOn(LocalDate date) {
    return !date.isBefore(joined) && (exited.isEmpty() || !date.isAfter(exited.get()));
  }
}
