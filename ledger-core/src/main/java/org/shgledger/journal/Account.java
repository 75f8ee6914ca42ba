package org.shgledger.journal;

import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/**
 * The definition of an account in a book. Whether it is open or closed is the journal's state, not
 * part of the definition: see {@link Journal#isOpen(BookId, AccountCode)}.
 *
 * <p>An account with a {@code control} account is a sub-ledger: its balance rolls up into the
 * control account's, as each member's savings account rolls up into 2000 Members' compulsory
 * savings. A control account holds no postings of its own, so it always equals the sum of its
 * sub-ledgers.
 *
 * @param book the book the account belongs to, not null
 * @param code the account's code, unique within the book, not null
 * @param name a name for people, up to {@value #MAX_NAME_LENGTH} characters, not null
 * @param type the account's type, not null
 * @param currency the account's currency, which must be the book's, not null
 * @param control the control account this sub-ledger rolls up into, not null (may be empty)
 * @param constraint the balance limit the journal enforces, not null
 */
public record Account(
    BookId book,
    AccountCode code,
    String name,
    AccountType type,
    CurrencyUnit currency,
    Optional<AccountCode> control,
    BalanceConstraint constraint) {

  /** The longest account name accepted. */
  public static final int MAX_NAME_LENGTH = 120;

  /**
   * Creates an account definition.
   *
   * @param book the book the account belongs to, not null
   * @param code the account's code, unique within the book, not null
   * @param name a name for people, up to {@value #MAX_NAME_LENGTH} characters, not null
   * @param type the account's type, not null
   * @param currency the account's currency, which must be the book's, not null
   * @param control the control account this sub-ledger rolls up into, not null (may be empty)
   * @param constraint the balance limit the journal enforces, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the name is too long or the account is its own control
   */
  public Account {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(code, "code");
    Identifiers.checkText("account name", name, MAX_NAME_LENGTH);
    PlainText.check("an account's name", name);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(constraint, "constraint");
    if (control.isPresent() && control.get().equals(code)) {
      throw new IllegalArgumentException("account " + code + " cannot be its own control account");
    }
  }

  /**
   * Defines a top-level account with no balance limit.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @param name the name, not null
   * @param type the type, not null
   * @param currency the currency, not null
   * @return the definition, not null
   */
  public static Account of(
      BookId book, AccountCode code, String name, AccountType type, CurrencyUnit currency) {
    return new Account(book, code, name, type, currency, Optional.empty(), BalanceConstraint.NONE);
  }

  /**
   * The same account with a balance limit.
   *
   * @param newConstraint the limit, not null
   * @return a new definition, not null
   */
  public Account withConstraint(BalanceConstraint newConstraint) {
    return new Account(book, code, name, type, currency, control, newConstraint);
  }

  /**
   * The definition of a sub-ledger account under this one, of the same type, currency and balance
   * limit, coded {@code CONTROL:key}.
   *
   * @param key the sub-ledger's key, usually a member id, not null
   * @param subName the sub-ledger's name, not null
   * @return the sub-ledger's definition, not null
   */
  public Account subLedger(String key, String subName) {
    return new Account(book, code.sub(key), subName, type, currency, Optional.of(code), constraint);
  }
}
