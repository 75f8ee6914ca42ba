package org.shgledger.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.Book;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a book as one TallyPrime import request (docs/formats.md#tally-xml-tallyprime-import):
 * the ledger masters of the accounts the entries use, under Tally's predefined groups, then one
 * voucher per journal entry, so that an accountant who keeps the group's books in TallyPrime
 * imports them instead of typing them again.
 *
 * <p>The document is the envelope TallyPrime's XML integration takes ({@code ENVELOPE}, {@code
 * HEADER} with {@code TALLYREQUEST} {@code Import Data}, {@code BODY}/{@code IMPORTDATA} with a
 * {@code REQUESTDESC} and a {@code REQUESTDATA} of {@code TALLYMESSAGE}s). Each ledger is named
 * {@code CODE NAME} ({@code 1000 Cash in hand}); a member's sub-ledger is named by its code and
 * its control account's name ({@code 2000:M01 Members' compulsory savings}), never by the member's
 * name. Each voucher is a Receipt, Payment, Contra or Journal by how it moves cash (1000) and the
 * bank (1100) ({@link #voucherType}); its lines carry Tally's sign: a debit is a negative amount
 * deemed positive, a credit a positive amount that is not.
 *
 * <p>The entries are read twice, oldest first, a few at a time: once for the ledgers they use
 * (the masters come first, so that Tally knows every ledger before a voucher names it) and once
 * for the vouchers; a book of any size exports in little memory.
 */
final class TallyXmlExport {

  /** The cash and bank ledgers: what makes a voucher a Receipt, a Payment or a Contra. */
  private static final Set<AccountCode> CASH_AND_BANK = Set.of(AccountCode.of("1000"), AccountCode.of("1100"));

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final Book book;
  private final CurrencyUnit currency;
  private final Map<AccountCode, Account> byCode = new HashMap<>();
  private final Map<AccountCode, String> names = new HashMap<>();
  private XMLStreamWriter xml;
  private int depth;

  private TallyXmlExport(Book book, List<Account> accounts) {
    this.book = book;
    this.currency = book.currency();
    for (Account account : accounts) {
      byCode.put(account.code(), account);
    }
    Map<String, AccountCode> taken = new HashMap<>();
    for (Account account : accounts) {
      String name = ledgerName(account);
      // Tally finds a ledger by its name alone: two accounts of one name would merge there
      AccountCode other = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), account.code());
      if (other != null) {
        throw new IllegalStateException("accounts " + other + " and " + account.code()
            + " would have the same ledger name in Tally: " + name);
      }
      names.put(account.code(), name);
    }
  }

  /**
   * Writes the import request.
   *
   * @param book the book, not null
   * @param accounts all of the book's accounts, open and closed, not null
   * @param entries hands over all of the book's entries in date order, in recording order within a
   *     date ({@link org.shgledger.journal.Journal#forEachEntryByDate}); called twice, not null
   * @param out where to write, UTF-8; not closed, not null
   * @throws IOException if writing fails
   * @throws IllegalStateException if two accounts would have the same ledger name, or the entries
   *     changed between the two readings
   */
  static void write(Book book, List<Account> accounts, Consumer<Consumer<JournalEntry>> entries, Writer out)
      throws IOException {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(out, "out");
    new TallyXmlExport(book, accounts).writeAll(entries, out);
  }

  /**
   * The Tally voucher type of an entry, by its cash (1000) and bank (1100) postings: none,
   * {@code Journal}; nothing else, {@code Contra} (cash deposited or withdrawn); more debited to
   * them than credited, {@code Receipt}; more credited, {@code Payment}; as much debited as
   * credited beside other accounts (no entry of the engine does this), {@code Journal}.
   *
   * @param entry the entry, not null
   * @return {@code Receipt}, {@code Payment}, {@code Contra} or {@code Journal}
   */
  static String voucherType(JournalEntry entry) {
    boolean others = false;
    boolean cashOrBank = false;
    long intoCashAndBank = 0;
    for (Posting posting : entry.postings()) {
      if (CASH_AND_BANK.contains(posting.account())) {
        cashOrBank = true;
        intoCashAndBank += posting.signedMinor();
      } else {
        others = true;
      }
    }
    if (!cashOrBank) {
      return "Journal";
    }
    if (!others) {
      return "Contra";
    }
    if (intoCashAndBank > 0) {
      return "Receipt";
    }
    return intoCashAndBank < 0 ? "Payment" : "Journal";
  }

  /**
   * The Tally group an account's ledger is created under: by its code for the standard chart
   * (docs/formats.md has the table), a sub-ledger by its control account's, and an account a
   * group added by its type.
   *
   * @param account the account, not null
   * @return the name of one of Tally's predefined groups
   */
  String group(Account account) {
    if (account.control().isPresent() && byCode.containsKey(account.control().get())) {
      return group(byCode.get(account.control().get()));
    }
    switch (account.code().value()) {
      case "1000":
        return "Cash-in-Hand";
      case "1100":
        return "Bank Accounts";
      case "1200":
        return "Loans & Advances (Asset)";
      case "1300":
        return "Deposits (Asset)";
      case "2000":
      case "2100":
        // members' savings are deposits the group repays on demand or at exit
        return "Current Liabilities";
      case "2200":
      case "2300":
        return "Loans (Liability)";
      case "3000":
        return "Capital Account";
      case "3100":
      case "3200":
        return "Reserves & Surplus";
      case "4000":
        // lending to members is what a group does: its interest is the direct income
        return "Direct Incomes";
      case "5000":
        // the cost of the money a group borrows to lend on
        return "Direct Expenses";
      case "9999":
        return "Suspense A/c";
      default:
        break;
    }
    return switch (account.type()) {
      case ASSET -> "Current Assets";
      case LIABILITY -> "Current Liabilities";
      case EQUITY -> "Capital Account";
      case INCOME -> "Indirect Incomes";
      case EXPENSE -> "Indirect Expenses";
    };
  }

  private void writeAll(Consumer<Consumer<JournalEntry>> entries, Writer out) throws IOException {
    Set<AccountCode> used = new TreeSet<>(Comparator.comparing(AccountCode::value));
    entries.accept(entry -> {
      for (Posting posting : entry.postings()) {
        if (!names.containsKey(posting.account())) {
          throw new IllegalStateException("entry " + entry.id() + " posts to " + posting.account()
              + ", which is not among the book's accounts");
        }
        used.add(posting.account());
      }
    });
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newLine();
      // no name in the comment: a name may hold "--", which a comment may not
      xml.writeComment(" A group's books as TallyPrime ledgers and vouchers, exported by shg (docs/formats.md). ");
      start("ENVELOPE");
      start("HEADER");
      element("TALLYREQUEST", "Import Data");
      end();
      start("BODY");
      start("IMPORTDATA");
      start("REQUESTDESC");
      element("REPORTNAME", "Vouchers");
      start("STATICVARIABLES");
      element("SVCURRENTCOMPANY", text(book.name()));
      end();
      end();
      start("REQUESTDATA");
      for (AccountCode code : used) {
        ledger(byCode.get(code));
      }
      entries.accept(entry -> {
        try {
          voucher(entry, used);
        } catch (XMLStreamException e) {
          throw new XmlFailure(e);
        }
      });
      end();
      end();
      end();
      end();
      xml.writeEndDocument();
      xml.flush();
      out.write("\n");
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the Tally XML: " + e.getMessage(), e);
    } catch (XmlFailure e) {
      throw new IOException("cannot write the Tally XML: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void ledger(Account account) throws XMLStreamException {
    message();
    newLine();
    xml.writeStartElement("LEDGER");
    xml.writeAttribute("NAME", names.get(account.code()));
    xml.writeAttribute("ACTION", "Create");
    depth++;
    element("NAME", names.get(account.code()));
    element("PARENT", group(account));
    end();
    end();
  }

  private void voucher(JournalEntry entry, Set<AccountCode> used) throws XMLStreamException {
    String type = voucherType(entry);
    message();
    newLine();
    xml.writeStartElement("VOUCHER");
    xml.writeAttribute("VCHTYPE", type);
    xml.writeAttribute("ACTION", "Create");
    xml.writeAttribute("OBJVIEW", "Accounting Voucher View");
    depth++;
    element("DATE", entry.date().format(DATE));
    element("VOUCHERTYPENAME", type);
    element("VOUCHERNUMBER", text(entry.id().toString()));
    element("PERSISTEDVIEW", "Accounting Voucher View");
    element("NARRATION", narration(entry));
    for (Posting posting : entry.postings()) {
      if (!used.contains(posting.account())) {
        // a writer recorded between the two readings: its ledger was not created
        throw new IllegalStateException("the books changed during the export (entry " + entry.id()
            + " posts to " + posting.account() + "); export again");
      }
      boolean debit = posting.side() == Side.DEBIT;
      start("ALLLEDGERENTRIES.LIST");
      element("LEDGERNAME", names.get(posting.account()));
      element("ISDEEMEDPOSITIVE", debit ? "Yes" : "No");
      // Tally's sign is the opposite of ours: a debit is negative
      element("AMOUNT", MoneyFormats.plain(Money.ofMinor(currency, -posting.signedMinor())));
      end();
    }
    end();
    end();
  }

  private static String narration(JournalEntry entry) {
    // an entry recorded before account numbers were masked at entry may hold one: no export shows it
    String narration = text(AccountNumbers.mask(entry.memo()));
    // Tally has no field for the link a reversal keeps: the narration names what it cancels
    String reversed = entry.reverses().map(id -> text(id.toString())).orElse("");
    if (!reversed.isEmpty() && !narration.contains(reversed)) {
      narration += " [reverses " + reversed + "]";
    }
    return narration;
  }

  /** {@code 1000 Cash in hand}; a sub-ledger {@code 2000:M01 Members' compulsory savings}. */
  private String ledgerName(Account account) {
    String name = account.name();
    if (account.control().isPresent() && byCode.containsKey(account.control().get())) {
      // the control account's name, not the sub-ledger's, which may carry the member's name
      name = byCode.get(account.control().get()).name();
    }
    return (text(account.code().value()) + " " + text(name)).strip();
  }

  /**
   * Text as XML 1.0 can hold it, on one line: control characters (which XML cannot carry, and
   * which break a line in Tally's one-line fields), unpaired surrogates and runs of white space
   * become one space. The writer escapes {@code < & > "} itself.
   */
  static String text(String value) {
    StringBuilder clean = new StringBuilder(value.length());
    boolean space = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      boolean blank = Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
          || c == '\uFFFE' || c == '\uFFFF' || (Character.isSurrogate(c) && !pair);
      if (blank) {
        space = true;
        continue;
      }
      if (space && clean.length() > 0) {
        clean.append(' ');
      }
      space = false;
      clean.append(c);
      if (pair) {
        clean.append(value.charAt(++i));
      }
    }
    return clean.toString();
  }

  /** A {@code TALLYMESSAGE}, with the namespace of Tally's user-defined fields as Tally writes it. */
  private void message() throws XMLStreamException {
    start("TALLYMESSAGE");
    xml.writeNamespace("UDF", "TallyUDF");
  }

  private void start(String name) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    depth++;
  }

  private void end() throws XMLStreamException {
    depth--;
    newLine();
    xml.writeEndElement();
  }

  private void element(String name, String value) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void newLine() throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }

  /** Carries a writer's failure out of the entries' callback. */
  private static final class XmlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    XmlFailure(XMLStreamException cause) {
      super(cause);
    }
  }
}
