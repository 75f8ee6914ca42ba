package org.shgledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a book as a plain-text accounting journal that hledger or Ledger reads
 * (docs/formats.md#hledger-and-ledger-journals), so that an accountant can check the books with
 * tools that share none of this program's code.
 *
 * <p>The journal declares the currency as a commodity ({@code 1000.00 INR}) and every account of
 * the book, then has one transaction per journal entry in date order (entries of one date in the
 * order they were recorded), with the entry's id as the transaction code and a {@code reverses:}
 * tag on a reversal. Account names are {@code TYPE:CODE NAME}, such as {@code Assets:1000 Cash in
 * hand}, under hledger's and Ledger's usual top-level names (Assets, Liabilities, Equity, Income,
 * Expenses), so that their balance sheet and income statement commands work; a member sub-ledger
 * is a child of its control account, {@code Liabilities:2000 Members' compulsory savings:M01}.
 * Names lose what would change their meaning there: a colon in a name (a level of hierarchy)
 * becomes {@code -}, a semicolon (a comment) {@code ,}, and runs of white space (two spaces end an
 * account name) one space.
 *
 * <p>After the last entry of every month, and after the last entry of all, a transaction with no
 * amounts asserts the balance of every account posted to so far, so that the tools themselves
 * check that they add up the books as this program does.
 */
final class JournalExport {

  /** The two dialects; they differ only in their directives. */
  enum Dialect {
    /** hledger 1.x: {@code commodity 1000.00 INR}, account types as {@code type:} tags. */
    HLEDGER,
    /** Ledger 3: {@code commodity INR} with a {@code format} sub-directive, no type tags. */
    LEDGER
  }

  private static final String INDENT = "    ";

  private final Dialect dialect;
  private final Book book;
  private final CurrencyUnit currency;
  private final Map<AccountCode, String> names = new HashMap<>();

  private JournalExport(Dialect dialect, Book book, List<Account> accounts) {
    this.dialect = dialect;
    this.book = book;
    this.currency = book.currency();
    Map<AccountCode, Account> byCode = new HashMap<>();
    for (Account account : accounts) {
      byCode.put(account.code(), account);
    }
    Map<String, AccountCode> taken = new HashMap<>();
    for (Account account : accounts) {
      String name = name(account, byCode);
      AccountCode other = taken.putIfAbsent(name, account.code());
      if (other != null) {
        throw new IllegalStateException("accounts " + other + " and " + account.code()
            + " would have the same name in the journal: " + name);
      }
      names.put(account.code(), name);
    }
  }

  /**
   * Writes the journal.
   *
   * @param dialect hledger or Ledger, not null
   * @param book the book, not null
   * @param accounts all of the book's accounts, open and closed, not null
   * @param entries hands over all of the book's entries in date order, in recording order within a
   *     date ({@link org.shgledger.journal.Journal#forEachEntryByDate}), not null
   * @param version the program's version, for the heading, not null
   * @param out where to write; not closed, not null
   * @throws IOException if writing fails
   * @throws IllegalStateException if two accounts would have the same name in the journal
   */
  static void write(Dialect dialect, Book book, List<Account> accounts, Consumer<Consumer<JournalEntry>> entries,
      String version, Writer out) throws IOException {
    Objects.requireNonNull(dialect, "dialect");
    new JournalExport(dialect, book, accounts).write(accounts, entries, version, out);
  }

  private void write(List<Account> accounts, Consumer<Consumer<JournalEntry>> entries, String version,
      Writer out) throws IOException {
    String tool = dialect == Dialect.HLEDGER ? "hledger" : "Ledger";
    out.write("; " + oneLine(book.name()) + " [" + book.id() + "]: the books, exported by shg "
        + version + " for " + tool + ".\n");
    out.write("; One transaction per journal entry, its id in parentheses. Accounts are CODE NAME;\n");
    out.write("; member sub-ledgers are children of their control account. Balances are asserted\n");
    out.write("; at every month end and at the last entry. See docs/formats.md.\n\n");

    String sample = MoneyFormats.plain(Money.of(currency, 1000)) + " " + currency.getCode();
    if (dialect == Dialect.HLEDGER) {
      out.write("commodity " + sample + "\n\n");
    } else {
      out.write("commodity " + currency.getCode() + "\n" + INDENT + "format " + sample + "\n");
      // Ledger's --pedantic refuses metadata it was not told of
      out.write("tag reverses\n\n");
    }

    // the top levels, so that hledger knows each account's type whatever its name
    for (AccountType type : AccountType.values()) {
      if (accounts.stream().anyMatch(a -> a.type() == type)) {
        out.write("account " + top(type) + typeTag(type) + "\n");
      }
    }
    List<Account> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(a -> names.get(a.code())));
    for (Account account : sorted) {
      out.write("account " + names.get(account.code()) + typeTag(account.type()) + "\n");
    }

    // Entries come one at a time, oldest first: balances are asserted at the end of every month
    // from the first entry's to before the last's, as each later month starts, then at the last
    // entry's date.
    TreeMap<String, Long> balances = new TreeMap<>();
    LocalDate[] last = {null};
    try {
      entries.accept(entry -> {
        try {
          if (last[0] != null) {
            for (YearMonth month = YearMonth.from(last[0]); month.isBefore(YearMonth.from(entry.date()));
                month = month.plusMonths(1)) {
              assertions(month.atEndOfMonth(), balances, out);
            }
          }
          last[0] = entry.date();
          transaction(entry, out);
          for (Posting posting : entry.postings()) {
            balances.merge(names.get(posting.account()), posting.signedMinor(), Long::sum);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (last[0] != null) {
      assertions(last[0], balances, out);
    }
  }

  private void transaction(JournalEntry entry, Writer out) throws IOException {
    out.write("\n" + entry.date() + " * (" + entry.id() + ") " + description(entry.memo()) + "\n");
    if (entry.reverses().isPresent()) {
      out.write(INDENT + "; reverses: " + entry.reverses().get() + "\n");
    }
    for (Posting posting : entry.postings()) {
      String account = names.get(posting.account());
      if (account == null) {
        throw new IllegalStateException("entry " + entry.id() + " posts to " + posting.account()
            + ", which is not among the book's accounts");
      }
      posting(account, amount(posting.signedMinor()), "", out);
    }
  }

  private void assertions(LocalDate date, Map<String, Long> balances, Writer out) throws IOException {
    if (balances.isEmpty()) {
      return;
    }
    out.write("\n" + date + " * balances as of " + date + "\n");
    for (Map.Entry<String, Long> balance : balances.entrySet()) {
      posting(balance.getKey(), amount(0), " = " + amount(balance.getValue()), out);
    }
  }

  private static void posting(String account, String amount, String assertion, Writer out) throws IOException {
    // two spaces at least end the account name; pad for people reading the file
    int pad = Math.max(2, 60 - account.length() - amount.length());
    out.write(INDENT + account + " ".repeat(pad) + amount + assertion + "\n");
  }

  private String amount(long minor) {
    return MoneyFormats.plain(Money.ofMinor(currency, minor)) + " " + currency.getCode();
  }

  private String typeTag(AccountType type) {
    if (dialect == Dialect.LEDGER) {
      return "";
    }
    String code = switch (type) {
      case ASSET -> "A";
      case LIABILITY -> "L";
      case EQUITY -> "E";
      case INCOME -> "R";
      case EXPENSE -> "X";
    };
    return "  ; type: " + code;
  }

  private static String top(AccountType type) {
    return switch (type) {
      case ASSET -> "Assets";
      case LIABILITY -> "Liabilities";
      case EQUITY -> "Equity";
      case INCOME -> "Income";
      case EXPENSE -> "Expenses";
    };
  }

  /** {@code Assets:1000 Cash in hand}, or for a sub-ledger its control account's name and its key. */
  private static String name(Account account, Map<AccountCode, Account> byCode) {
    if (account.control().isPresent() && byCode.containsKey(account.control().get())) {
      Account control = byCode.get(account.control().get());
      String prefix = control.code().value() + ":";
      String code = account.code().value();
      String child = code.startsWith(prefix) && code.length() > prefix.length()
          ? segment(code.substring(prefix.length()))
          : segment(code) + (account.name().isBlank() ? "" : " " + segment(account.name()));
      return name(control, byCode) + ":" + child;
    }
    String name = segment(account.code().value());
    if (!account.name().isBlank()) {
      name += " " + segment(account.name());
    }
    return top(account.type()) + ":" + name;
  }

  /** One level of an account name: no colon, semicolon, control character or double space. */
  private static String segment(String text) {
    return oneLine(text).replace(':', '-').replace(';', ',');
  }

  /** Text on one line with single spaces: no control characters, no runs of white space. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\s\\u00A0\\u2007\\u202F]+", " ").strip();
  }

  /**
   * A memo as a transaction description: one line, no semicolon (which starts a comment), and its
   * account numbers masked, as an entry recorded before they were masked at entry may hold one.
   */
  private static String description(String memo) {
    return oneLine(AccountNumbers.mask(memo)).replace(';', ',');
  }

}
