package org.shgledger.group;

import java.util.Objects;
import org.joda.money.Money;

/**
 * The everyday money events of a group, each of which becomes one balanced journal entry through
 * {@link SavingsGroups#record}. Which accounts each one debits and credits is listed in
 * docs/engine.md; {@link SavingsGroups} is the one place that turns them into postings.
 *
 * <p>Loans to members, year end, surplus distribution, exits and share-out have their own methods
 * on {@link SavingsGroups}, because they read the books to compute their amounts.
 */
public sealed interface GroupOperation {

  /**
   * A short description for the journal entry's memo, one of the catalogue {@link EngineMemo}, or
   * for a bank line and opening balances the words given.
   *
   * @return the memo, not null
   */
  String memo();

  /** The longest description or reason an operation may carry. */
  int MAX_TEXT_LENGTH = 100;

  /** Checks a description or reason, and masks any account number in it, as every memo is. */
  private static String shortText(String what, String text) {
    org.shgledger.journal.PlainText.checkDescription(what, text);
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(what + " is at most " + MAX_TEXT_LENGTH + " characters");
    }
    return org.shgledger.journal.AccountNumbers.mask(text);
  }

  /**
   * A member saves. Debit cash or bank; credit her savings.
   *
   * @param member the member, not null
   * @param kind compulsory or voluntary, not null
   * @param amount positive, not null
   * @param channel where the money goes in, not null
   */
  record Save(MemberId member, SavingsKind kind, Money amount, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param member the member, not null
     * @param kind compulsory or voluntary, not null
     * @param amount positive, not null
     * @param channel where the money goes in, not null
     */
    public Save {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return (kind == SavingsKind.COMPULSORY ? EngineMemo.SAVES_COMPULSORY : EngineMemo.SAVES_VOLUNTARY)
          .compose(member.value());
    }
  }

  /**
   * A member withdraws savings. Debit her savings; credit cash, or bank when paid to her own bank
   * account.
   *
   * @param member the member, not null
   * @param kind compulsory or voluntary, not null
   * @param amount positive, not null
   * @param channel where the money comes from, not null
   */
  record WithdrawSavings(MemberId member, SavingsKind kind, Money amount, Channel channel)
      implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param member the member, not null
     * @param kind compulsory or voluntary, not null
     * @param amount positive, not null
     * @param channel where the money comes from, not null
     */
    public WithdrawSavings {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return (kind == SavingsKind.COMPULSORY ? EngineMemo.WITHDRAWS_COMPULSORY : EngineMemo.WITHDRAWS_VOLUNTARY)
          .compose(member.value());
    }
  }

  /**
   * The treasurer banks cash. Debit bank; credit cash.
   *
   * @param amount positive, not null
   */
  record BankCash(Money amount) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     */
    public BankCash {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String memo() {
      return EngineMemo.CASH_BANKED.compose();
    }
  }

  /**
   * Cash drawn from the bank. Debit cash; credit bank.
   *
   * @param amount positive, not null
   */
  record WithdrawFromBank(Money amount) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     */
    public WithdrawFromBank {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String memo() {
      return EngineMemo.CASH_DRAWN.compose();
    }
  }

  /**
   * A member pays a fine. Debit cash or bank; credit fines.
   *
   * @param member the member, not null
   * @param amount positive, not null
   * @param reason what for, such as "absent", up to 100 characters, not null; an account number
   *     in it is masked ({@link org.shgledger.journal.AccountNumbers})
   * @param channel where the money goes in, not null
   */
  record Fine(MemberId member, Money amount, String reason, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls and length, and masks account numbers in the text.
     *
     * @param member the member, not null
     * @param amount positive, not null
     * @param reason what for, such as "absent", up to 100 characters, not null
     * @param channel where the money goes in, not null
     */
    public Fine {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(amount, "amount");
      reason = shortText("a fine's reason", reason);
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return reason.isBlank() ? EngineMemo.FINED.compose(member.value())
          : EngineMemo.FINED_FOR.compose(member.value(), reason);
    }
  }

  /**
   * The bank credits interest. Debit bank; credit interest from bank.
   *
   * @param amount positive, not null
   */
  record BankInterest(Money amount) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     */
    public BankInterest {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String memo() {
      return EngineMemo.BANK_INTEREST.compose();
    }
  }

  /**
   * The bank deducts charges. Debit bank charges; credit bank.
   *
   * @param amount positive, not null
   */
  record BankCharges(Money amount) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     */
    public BankCharges {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String memo() {
      return EngineMemo.BANK_CHARGES.compose();
    }
  }

  /**
   * A bank-linkage loan is credited to the group's bank account. Debit bank; credit bank loan.
   *
   * @param amount positive, not null
   */
  record ReceiveBankLoan(Money amount) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     */
    public ReceiveBankLoan {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String memo() {
      return EngineMemo.BANK_LOAN_RECEIVED.compose();
    }
  }

  /**
   * An instalment of the bank loan. Debit bank loan (principal) and interest paid; credit bank.
   *
   * @param principal the principal part, positive or zero, not null
   * @param interest the interest part, positive or zero, not null; not both zero
   */
  record RepayBankLoan(Money principal, Money interest) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param principal the principal part, positive or zero, not null
     * @param interest the interest part, positive or zero, not null; not both zero
     */
    public RepayBankLoan {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(interest, "interest");
    }

    @Override
    public String memo() {
      return EngineMemo.BANK_LOAN_INSTALMENT.compose();
    }
  }

  /**
   * A loan from the federation. Debit cash or bank; credit loan from federation.
   *
   * @param amount positive, not null
   * @param channel where the money comes in, not null
   */
  record ReceiveFederationLoan(Money amount, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     * @param channel where the money comes in, not null
     */
    public ReceiveFederationLoan {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return EngineMemo.FEDERATION_LOAN_RECEIVED.compose();
    }
  }

  /**
   * A repayment to the federation. Debit loan from federation (principal) and interest paid;
   * credit cash or bank.
   *
   * @param principal the principal part, positive or zero, not null
   * @param interest the interest part, positive or zero, not null; not both zero
   * @param channel where the money goes out, not null
   */
  record RepayFederationLoan(Money principal, Money interest, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param principal the principal part, positive or zero, not null
     * @param interest the interest part, positive or zero, not null; not both zero
     * @param channel where the money goes out, not null
     */
    public RepayFederationLoan {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(interest, "interest");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return EngineMemo.FEDERATION_LOAN_REPAYMENT.compose();
    }
  }

  /**
   * A revolving-fund or other grant. Debit cash or bank; credit revolving fund / grants.
   *
   * @param amount positive, not null
   * @param channel where the money comes in, not null
   */
  record ReceiveGrant(Money amount, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param amount positive, not null
     * @param channel where the money comes in, not null
     */
    public ReceiveGrant {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return EngineMemo.GRANT_RECEIVED.compose();
    }
  }

  /**
   * The group pays an expense. Debit meeting, stationery and bookkeeping costs; credit cash or
   * bank.
   *
   * @param amount positive, not null
   * @param description what for, up to 100 characters, not null; an account number in it is
   *     masked ({@link org.shgledger.journal.AccountNumbers})
   * @param channel where the money goes out, not null
   */
  record PayExpense(Money amount, String description, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls and length, and masks account numbers in the text.
     *
     * @param amount positive, not null
     * @param description what for, up to 100 characters, not null
     * @param channel where the money goes out, not null
     */
    public PayExpense {
      Objects.requireNonNull(amount, "amount");
      description = shortText("a description", description);
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return description.isBlank() ? EngineMemo.EXPENSE.compose() : EngineMemo.EXPENSE_FOR.compose(description);
    }
  }

  /**
   * A member gives to the group's welfare fund ({@link Chart#WELFARE_FUND}), beyond her savings.
   * Debit cash or bank; credit the welfare fund. The gift is the group's: no member takes it back,
   * and a share-out leaves the fund with the group.
   *
   * @param member the member, not null
   * @param amount positive, not null
   * @param channel where the money goes in, not null
   */
  record WelfareContribution(MemberId member, Money amount, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls.
     *
     * @param member the member, not null
     * @param amount positive, not null
     * @param channel where the money goes in, not null
     */
    public WelfareContribution {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return EngineMemo.WELFARE_GIFT.compose(member.value());
    }
  }

  /**
   * Help paid out of the group's welfare fund ({@link Chart#WELFARE_FUND}), such as a member's
   * hospital costs. Debit the welfare fund; credit cash or bank. The fund cannot pay more than it
   * holds.
   *
   * @param amount positive, not null
   * @param description what for, up to 100 characters, not null; an account number in it is
   *     masked ({@link org.shgledger.journal.AccountNumbers})
   * @param channel where the money goes out, not null
   */
  record WelfarePayment(Money amount, String description, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls and length, and masks account numbers in the text.
     *
     * @param amount positive, not null
     * @param description what for, up to 100 characters, not null
     * @param channel where the money goes out, not null
     */
    public WelfarePayment {
      Objects.requireNonNull(amount, "amount");
      description = shortText("a description", description);
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return description.isBlank() ? EngineMemo.WELFARE_PAYMENT.compose()
          : EngineMemo.WELFARE_PAYMENT_FOR.compose(description);
    }
  }

  /**
   * Other income, such as membership fees. Debit cash or bank; credit other income.
   *
   * @param amount positive, not null
   * @param description what for, up to 100 characters, not null; an account number in it is
   *     masked ({@link org.shgledger.journal.AccountNumbers})
   * @param channel where the money comes in, not null
   */
  record OtherIncome(Money amount, String description, Channel channel) implements GroupOperation {
    /**
     * Checks for nulls and length, and masks account numbers in the text.
     *
     * @param amount positive, not null
     * @param description what for, up to 100 characters, not null
     * @param channel where the money comes in, not null
     */
    public OtherIncome {
      Objects.requireNonNull(amount, "amount");
      description = shortText("a description", description);
      Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String memo() {
      return description.isBlank() ? EngineMemo.OTHER_INCOME.compose() : EngineMemo.OTHER_INCOME_FOR.compose(description);
    }
  }

  /**
   * A line of the group's bank statement: money in or out of the bank account (1100), the other
   * side on the account a passbook rule chose. The engine checks the other side as it checks its
   * own operations: not the bank itself, not an account it keeps in step with its own records
   * ({@link Chart#ownedByEngine}: a member's loan, the surplus, loan interest), and, for a member's
   * savings, that she is a member on the line's date and has not left.
   *
   * <p>An EMI the bank debits as one amount (money out to the bank loan, 2200) may carry its
   * interest part, worked out from the bank loan's terms ({@link BankLoan}): the entry then debits
   * 2200 with the principal, 5000 with the interest, and credits the bank with the whole amount.
   *
   * @param deposit true for money into the bank (debit bank), false for money out (credit bank)
   * @param amount positive, not null
   * @param counterpart the other side's account, not null
   * @param narration the memo: the bank's narration, or words for people, up to {@link
   *     org.shgledger.journal.JournalEntry#MAX_MEMO_LENGTH} characters, not null; account numbers
   *     in it are masked to their last 4 digits ({@link org.shgledger.journal.AccountNumbers})
   * @param interest the interest part of an EMI to the bank loan, zero to the amount; zero for
   *     every other line, not null
   */
  record BankLine(boolean deposit, Money amount, org.shgledger.journal.AccountCode counterpart, String narration,
      Money interest) implements GroupOperation {
    /**
     * Checks for nulls and masks account numbers in the narration.
     *
     * @param deposit true for money into the bank (debit bank), false for money out (credit bank)
     * @param amount positive, not null
     * @param counterpart the other side's account, not null
     * @param narration the memo: the bank's narration, or words for people, up to {@link
     *     org.shgledger.journal.JournalEntry#MAX_MEMO_LENGTH} characters, not null
     * @param interest the interest part of an EMI, not null (the engine checks its range)
     */
    public BankLine {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(counterpart, "counterpart");
      Objects.requireNonNull(interest, "interest");
      narration = org.shgledger.journal.AccountNumbers.mask(Objects.requireNonNull(narration, "narration"));
    }

    /**
     * A line wholly on its other side: no interest part.
     *
     * @param deposit true for money into the bank (debit bank), false for money out (credit bank)
     * @param amount positive, not null
     * @param counterpart the other side's account, not null
     * @param narration the memo, not null
     */
    public BankLine(boolean deposit, Money amount, org.shgledger.journal.AccountCode counterpart, String narration) {
      this(deposit, amount, counterpart, narration, Money.zero(Objects.requireNonNull(amount, "amount").getCurrencyUnit()));
    }

    @Override
    public String memo() {
      return narration;
    }

    /**
     * The line's postings, bank first for money in, the other side first for money out: what
     * the engine records once it has checked the line. An EMI with an interest part has three:
     * the principal to the other side (left out when the interest is the whole amount), the
     * interest to 5000, the whole amount from the bank.
     *
     * @return the postings, not null
     */
    public java.util.List<org.shgledger.journal.Posting> postings() {
      org.shgledger.journal.AccountCode bank = Chart.BANK;
      if (deposit) {
        return java.util.List.of(org.shgledger.journal.Posting.debit(bank, amount),
            org.shgledger.journal.Posting.credit(counterpart, amount));
      }
      if (interest.isZero()) {
        return java.util.List.of(org.shgledger.journal.Posting.debit(counterpart, amount),
            org.shgledger.journal.Posting.credit(bank, amount));
      }
      return new EntryBuilder()
          .debit(counterpart, amount.minus(interest))
          .debit(Chart.INTEREST_PAID, interest)
          .credit(bank, amount)
          .postings();
    }
  }

  /**
   * A group's balances carried over from its paper books into a new book, in one entry: what it
   * owns as debits, what it owes and its members' savings as credits, the difference to the
   * accumulated surplus. Loans outstanding come in as cash and go out through {@link
   * SavingsGroups#disburseLoan}, so that each has its schedule; this entry may therefore not touch
   * a member's loan, and every member whose savings it carries must be a member on its date.
   *
   * @param postings the balanced postings, not null
   * @param description the memo, up to {@link org.shgledger.journal.JournalEntry#MAX_MEMO_LENGTH}
   *     characters, not null; an account number in it is masked ({@link
   *     org.shgledger.journal.AccountNumbers})
   */
  record OpeningBalances(java.util.List<org.shgledger.journal.Posting> postings, String description)
      implements GroupOperation {
    /**
     * Copies the postings, checks for nulls and masks account numbers in the description.
     *
     * @param postings the balanced postings, not null
     * @param description the memo, up to {@link org.shgledger.journal.JournalEntry#MAX_MEMO_LENGTH}
     *     characters, not null
     */
    public OpeningBalances {
      postings = java.util.List.copyOf(postings);
      description = org.shgledger.journal.AccountNumbers.mask(Objects.requireNonNull(description, "description"));
    }

    @Override
    public String memo() {
      return description;
    }
  }
}
