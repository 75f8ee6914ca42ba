package org.shgledger.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.joda.money.Money;
import org.shgledger.money.MoneyFormats;

/**
 * The bank layouts the generator writes, each one of the import's profiles ({@code
 * PassbookProfile}, docs/import.md): the same lines in the shape of that bank's export, with its
 * header names, date format and amount style. Lines are written one at a time, so a statement of
 * any length streams.
 */
public enum BankLayout {

  /** {@code Date,Narration,Withdrawal,Deposit,Balance}, dates {@code dd/MM/yyyy}, plain amounts. */
  GENERIC("generic"),
  /**
   * OnlineSBI's download: a preamble of account details, then {@code Txn Date,Value Date,
   * Description,Ref No./Cheque No.,Debit,Credit,Balance}, dates {@code 1 Apr 2024}, Indian grouping.
   */
  SBI("sbi"),
  /**
   * HDFC's "Download as Delimited": {@code Date,Narration,Value Dat,Debit Amount,Credit Amount,
   * Chq/Ref Number,Closing Balance}, dates {@code dd/MM/yy}, plain amounts, {@code 0.00} for the
   * empty side.
   */
  HDFC("hdfc"),
  /**
   * Kotak: a preamble, then {@code Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,
   * Amount,Dr / Cr,Balance,Dr / Cr}, dates {@code dd-MM-yyyy}, one amount with its marker.
   */
  KOTAK("kotak");

  private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final DateTimeFormatter SBI_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DD_MM_YY = DateTimeFormatter.ofPattern("dd/MM/yy", Locale.ROOT);
  private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);

  private final String profile;

  BankLayout(String profile) {
    this.profile = profile;
  }

  /**
   * The name of the import's profile that reads this layout.
   *
   * @return such as {@code sbi}, not null
   */
  public String profile() {
    return profile;
  }

  /**
   * The layout read by the named profile.
   *
   * @param name a profile's name, any case, not null
   * @return the layout, not null
   * @throws IllegalArgumentException if the generator writes no such layout
   */
  public static BankLayout named(String name) {
    for (BankLayout layout : values()) {
      if (layout.profile.equalsIgnoreCase(name.strip())) {
        return layout;
      }
    }
    throw new IllegalArgumentException("the generator writes no bank layout \"" + name
        + "\": write generic, sbi, hdfc or kotak");
  }

  /**
   * Writes what comes before the first line: the bank's preamble, if it has one, and the header.
   *
   * @param out where to write, not null
   * @param accountName the account holder, such as the group's name in capitals, not null
   * @param accountNumber a made-up account number, not null
   * @param from the statement's first day, not null
   * @throws UncheckedIOException if writing fails
   */
  public void writeHeader(Writer out, String accountName, String accountNumber, LocalDate from) {
    String zero = "0.00";
    switch (this) {
      case GENERIC -> write(out, "Date,Narration,Withdrawal,Deposit,Balance\n");
      case SBI -> write(out, "Account Name,:," + accountName + "\n"
          + "Account Number,:,_" + accountNumber + "\n"
          + "Account Description,:,SHG SAVINGS ACCOUNT\n"
          + "Branch,:,SAMPLE BRANCH\n"
          + "IFS Code,:,SBIN0000000\n"
          + "Balance as on " + SBI_DATE.format(from) + ",:," + zero + "\n"
          + "\n"
          + "Txn Date,Value Date,Description,Ref No./Cheque No.,Debit,Credit,Balance\n");
      case HDFC -> write(out,
          "Date,Narration,Value Dat,Debit Amount,Credit Amount,Chq/Ref Number,Closing Balance\n");
      case KOTAK -> write(out, accountName + ",,,,,,,,\n"
          + "Account No.," + accountNumber + ",,,,,,,\n"
          + ",,,,,,,,\n"
          + "Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Amount,Dr / Cr,Balance,Dr / Cr\n");
    }
  }

  /**
   * Writes one line of the statement.
   *
   * @param out where to write, not null
   * @param serial the line's number from 1 (Kotak's {@code Sl. No.}), positive
   * @param line the line, not null
   * @throws UncheckedIOException if writing fails
   */
  public void writeLine(Writer out, long serial, BankLine line) {
    StringBuilder row = new StringBuilder(96);
    switch (this) {
      case GENERIC -> row.append(DD_MM_YYYY.format(line.date())).append(',').append(line.narration())
          .append(',').append(plainOrBlank(line.withdrawal())).append(',').append(plainOrBlank(line.deposit()))
          .append(',').append(MoneyFormats.plain(line.balance()));
      case SBI -> {
        String date = SBI_DATE.format(line.date());
        row.append(date).append(',').append(date).append(',').append(line.narration()).append(',')
            .append(line.reference()).append(',').append(indianOrBlank(line.withdrawal())).append(',')
            .append(indianOrBlank(line.deposit())).append(',').append(indian(line.balance()));
      }
      case HDFC -> {
        String date = DD_MM_YY.format(line.date());
        row.append(date).append(',').append(line.narration()).append(',').append(date).append(',')
            .append(MoneyFormats.plain(line.withdrawal())).append(',').append(MoneyFormats.plain(line.deposit()))
            .append(',').append(line.reference().isEmpty() ? "0000000000000000" : line.reference())
            .append(',').append(MoneyFormats.plain(line.balance()));
      }
      case KOTAK -> {
        String date = DASHED.format(line.date());
        boolean deposit = line.deposit().isPositive();
        row.append(serial).append(',').append(date).append(',').append(date).append(',')
            .append(line.narration()).append(',').append(line.reference()).append(',')
            .append(indian(deposit ? line.deposit() : line.withdrawal())).append(',')
            .append(deposit ? "CR" : "DR").append(',').append(indian(line.balance())).append(",CR");
      }
    }
    write(out, row.append('\n').toString());
  }

  private static String plainOrBlank(Money amount) {
    return amount.isZero() ? "" : MoneyFormats.plain(amount);
  }

  private static String indianOrBlank(Money amount) {
    return amount.isZero() ? "" : indian(amount);
  }

  /** Indian grouping, quoted when it has a comma, as the banks' exports write it. */
  private static String indian(Money amount) {
    String text = MoneyFormats.indian(amount);
    return text.indexOf(',') < 0 ? text : '"' + text + '"';
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
