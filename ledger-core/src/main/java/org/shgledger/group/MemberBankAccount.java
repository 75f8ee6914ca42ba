package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member's own savings-bank account: where loans can be paid out and savings withdrawn to.
 *
 * <p>Only the last four digits of the account number are kept ({@code XXXXXX1234}): enough for a
 * treasurer to recognise the account on a slip, useless to anyone who finds the books. The full
 * number is masked in {@link #of} and never stored.
 *
 * @param bankName the bank, up to 80 characters, not null
 * @param ifsc the branch's IFSC code (4 letters, 0, 6 letters or digits), not null
 * @param maskedNumber the account number with all but its last 4 digits replaced by X, not null
 * @param opened the date the account was opened, not null
 */
public record MemberBankAccount(String bankName, String ifsc, String maskedNumber, LocalDate opened) {

  private static final Pattern IFSC = Pattern.compile("[A-Z]{4}0[A-Z0-9]{6}");
  private static final Pattern MASKED = Pattern.compile("X{0,30}[0-9]{1,4}");

  /**
   * Creates the record from an already masked number.
   *
   * @param bankName the bank, up to 80 characters, not null
   * @param ifsc the branch's IFSC code (4 letters, 0, 6 letters or digits), not null
   * @param maskedNumber the account number with all but its last 4 digits replaced by X, not null
   * @param opened the date the account was opened, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the IFSC or masked number is malformed
   */
  public MemberBankAccount {
    Objects.requireNonNull(bankName, "bankName");
    if (bankName.isBlank() || bankName.length() > 80) {
      throw new IllegalArgumentException("bank name must be 1 to 80 characters");
    }
    org.shgledger.journal.PlainText.check("a bank's name", bankName);
    Objects.requireNonNull(ifsc, "ifsc");
    if (!IFSC.matcher(ifsc).matches()) {
      throw new IllegalArgumentException(
          "IFSC must be 4 letters, a 0 and 6 letters or digits, like SBIN0001234: '" + ifsc + "'");
    }
    Objects.requireNonNull(maskedNumber, "maskedNumber");
    if (!MASKED.matcher(maskedNumber).matches()) {
      throw new IllegalArgumentException("the stored account number must be masked to its last 4 digits");
    }
    Objects.requireNonNull(opened, "opened");
  }

  /**
   * Records a member's bank account, masking the account number at once.
   *
   * @param bankName the bank, not null; an account number in it is masked ({@link
   *     org.shgledger.journal.AccountNumbers})
   * @param ifsc the IFSC code, not null
   * @param accountNumber the full account number, 6 to 20 digits (spaces and dashes ignored), not
   *     null; only its last 4 digits are kept
   * @param opened the date it was opened, not null
   * @return the record, not null
   * @throws IllegalArgumentException if the number is not 6 to 20 digits
   */
  public static MemberBankAccount of(String bankName, String ifsc, String accountNumber, LocalDate opened) {
    String digits = Objects.requireNonNull(accountNumber, "accountNumber").replaceAll("[ -]", "");
    if (!digits.matches("[0-9]{6,20}")) {
      throw new IllegalArgumentException("account number must be 6 to 20 digits");
    }
    String masked = "X".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    // a number typed into the wrong column is masked there too
    return new MemberBankAccount(org.shgledger.journal.AccountNumbers.mask(Objects.requireNonNull(bankName,
        "bankName")), ifsc, masked, opened);
  }
}
