package org.shgledger.journal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;

/**
 * Makes random requests, mostly valid and some broken in each of the ways the journal must
 * refuse, from what the model holds now.
 */
final class OperationGenerator {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final CurrencyUnit NPR = CurrencyUnit.of("NPR");
  static final BookId BOOK_1 = BookId.of("SHG01");
  static final BookId BOOK_2 = BookId.of("SHG02");
  static final BookId NO_SUCH_BOOK = BookId.of("SHG99");
  static final LocalDate START = LocalDate.of(2025, 4, 1);
  static final int DAYS = 90;

  private static final String[][] TOP_LEVEL = {
    {"1000", "ASSET"}, {"1100", "ASSET"}, {"1200", "ASSET"}, {"2000", "LIABILITY"},
    {"3000", "EQUITY"}, {"4000", "INCOME"}, {"5100", "EXPENSE"},
  };
  private static final String[] CONTROLS = {"1200", "2000"};
  private static final String[] MEMBERS = {"M1", "M2", "M3"};

  private final JournalModel model;
  private final Random random;

  OperationGenerator(JournalModel model, Random random) {
    this.model = model;
    this.random = random;
  }

  static List<Book> initialBooks() {
    return List.of(new Book(BOOK_1, "Roshni", INR), new Book(BOOK_2, "Asha", INR));
  }

  Operation next() {
    // A young chain has few accounts to post to: mostly open some first.
    int accounts = model.accounts(BOOK_1).size() + model.accounts(BOOK_2).size();
    if (accounts < 10 && random.nextInt(10) < 7) {
      return openAccount();
    }
    int roll = random.nextInt(100);
    if (roll < 18) {
      return openAccount();
    } else if (roll < 55) {
      return new Operation.Record(entry(0.25), "new");
    } else if (roll < 65) {
      return batch();
    } else if (roll < 78) {
      return reverse();
    } else if (roll < 84) {
      return replay(false);
    } else if (roll < 89) {
      return replay(true);
    } else if (roll < 94) {
      return closeAccount();
    } else if (roll < 97) {
      return lock();
    } else {
      return createBook();
    }
  }

  private BookId book() {
    int roll = random.nextInt(100);
    return roll < 60 ? BOOK_1 : roll < 97 ? BOOK_2 : NO_SUCH_BOOK;
  }

  private Operation createBook() {
    Book book = initialBooks().get(random.nextInt(2));
    return new Operation.CreateBook(
        random.nextBoolean() ? book : new Book(book.id(), book.name(), NPR));
  }

  private Operation openAccount() {
    BookId book = book();
    CurrencyUnit currency = random.nextInt(20) == 0 ? NPR : INR;
    if (random.nextInt(100) < 55) {
      String[] top = TOP_LEVEL[random.nextInt(TOP_LEVEL.length)];
      AccountType type = AccountType.valueOf(top[1]);
      BalanceConstraint constraint =
          top[0].equals("1000") || top[0].equals("1100")
              ? BalanceConstraint.nonNegative(type)
              : BalanceConstraint.NONE;
      if (random.nextInt(10) == 0) {
        constraint = BalanceConstraint.values()[random.nextInt(3)];
      }
      return new Operation.OpenAccount(
          new Account(book, AccountCode.of(top[0]), "Account " + top[0], type, currency,
              Optional.empty(), constraint));
    }
    String control = random.nextInt(15) == 0 ? "7777" : CONTROLS[random.nextInt(CONTROLS.length)];
    boolean controlMissing =
        model.accounts(book).stream().noneMatch(a -> a.code().value().equals(control));
    if (controlMissing && !control.equals("7777") && random.nextInt(10) < 8) {
      AccountType controlType = control.startsWith("1") ? AccountType.ASSET : AccountType.LIABILITY;
      return new Operation.OpenAccount(Account.of(book, AccountCode.of(control), "Control " + control, controlType, INR));
    }
    AccountType type = control.startsWith("1") ? AccountType.ASSET : AccountType.LIABILITY;
    if (random.nextInt(15) == 0) {
      type = AccountType.EXPENSE;
    }
    BalanceConstraint constraint =
        control.equals("2000") && random.nextBoolean()
            ? BalanceConstraint.nonNegative(AccountType.LIABILITY)
            : BalanceConstraint.NONE;
    AccountCode code = AccountCode.of(control).sub(MEMBERS[random.nextInt(MEMBERS.length)]);
    return new Operation.OpenAccount(
        new Account(book, code, "Member " + code, type, currency,
            Optional.of(AccountCode.of(control)), constraint));
  }

  private Operation closeAccount() {
    BookId book = book();
    List<Account> accounts = model.accounts(book);
    AccountCode code =
        accounts.isEmpty() || random.nextInt(10) == 0
            ? AccountCode.of("8888")
            : accounts.get(random.nextInt(accounts.size())).code();
    return new Operation.CloseAccount(book, code);
  }

  private Operation lock() {
    return new Operation.Lock(book(), START.plusDays(random.nextInt(DAYS / 3)));
  }

  private Operation batch() {
    int size = 2 + random.nextInt(3);
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<JournalEntry> recorded = model.entries(BOOK_1);
      if (!recorded.isEmpty() && random.nextInt(10) < 3) {
        // a correction inside a batch: undone with the batch if a later entry is refused
        JournalEntry original = recorded.get(random.nextInt(recorded.size()));
        entries.add(original.reversal(freshId(), original.date().plusDays(random.nextInt(10)), "batch correction"));
      } else {
        entries.add(entry(0.08));
      }
    }
    return new Operation.RecordAll(entries);
  }

  private Operation replay(boolean changed) {
    BookId book = book();
    List<JournalEntry> entries = model.entries(book);
    if (entries.isEmpty()) {
      return new Operation.Record(entry(0.25), "new");
    }
    JournalEntry original = entries.get(random.nextInt(entries.size()));
    if (!changed) {
      return new Operation.Record(original, "same id, same content");
    }
    JournalEntry altered =
        random.nextBoolean()
            ? new JournalEntry(original.id(), original.book(), original.date(), original.memo() + "!",
                original.postings(), original.reverses(), original.sourceReference())
            : new JournalEntry(original.id(), original.book(), original.date().plusDays(1),
                original.memo(), original.postings(), original.reverses(), original.sourceReference());
    return new Operation.Record(altered, "same id, other content");
  }

  private Operation reverse() {
    BookId book = book();
    List<JournalEntry> entries = model.entries(book);
    EntryId reversalId = freshId();
    if (entries.isEmpty() || random.nextInt(12) == 0) {
      JournalEntry ghost = entry(0);
      JournalEntry phantom =
          new JournalEntry(reversalId, book, ghost.date(), "reverses nothing",
              ghost.postings().stream().map(Posting::opposite).toList(),
              Optional.of(EntryId.of("NOPE")), Optional.empty());
      return new Operation.Record(phantom, "reversal of a missing entry");
    }
    JournalEntry original = entries.get(random.nextInt(entries.size()));
    LocalDate date = original.date().plusDays(random.nextInt(15) - 2);
    JournalEntry reversal = original.reversal(reversalId, date, "correction");
    if (random.nextInt(10) == 0) {
      List<Posting> wrong = new ArrayList<>(reversal.postings());
      Collections.reverse(wrong);
      JournalEntry mismatched =
          new JournalEntry(reversalId, book, date, "bad reversal", wrong,
              reversal.reverses(), Optional.empty());
      if (!mismatched.postings().equals(reversal.postings())) {
        return new Operation.Record(mismatched, "reversal that does not match");
      }
    }
    return new Operation.Reverse(original, reversal);
  }

  private EntryId freshId() {
    return EntryId.of("E" + random.nextInt(1_000_000));
  }

  /** A balanced entry over the book's open leaf accounts, broken with the given probability. */
  JournalEntry entry(double brokenProbability) {
    BookId book = book();
    List<AccountCode> leaves = new ArrayList<>();
    for (Account account : model.accounts(book)) {
      boolean isControl =
          model.accounts(book).stream().anyMatch(a -> a.control().equals(Optional.of(account.code())));
      if (!isControl && (model.isOpen(book, account.code()) || random.nextInt(10) == 0)) {
        leaves.add(account.code());
      }
    }
    while (leaves.size() < 2) {
      leaves.add(AccountCode.of(TOP_LEVEL[random.nextInt(TOP_LEVEL.length)][0]));
    }
    List<Posting> postings = new ArrayList<>();
    int credits = 1 + random.nextInt(3);
    long total = 0;
    for (int i = 0; i < credits; i++) {
      long amount = 1 + random.nextInt(random.nextBoolean() ? 100 : 50_000);
      total += amount;
      postings.add(Posting.credit(leaves.get(random.nextInt(leaves.size())), Money.ofMinor(INR, amount)));
    }
    postings.add(Posting.debit(leaves.get(random.nextInt(leaves.size())), Money.ofMinor(INR, total)));
    if (random.nextBoolean()) {
      postings.replaceAll(Posting::opposite);
    }
    Collections.shuffle(postings, random);
    LocalDate date = START.plusDays(random.nextInt(DAYS));
    if (random.nextDouble() < brokenProbability) {
      breakEntry(postings, book);
    }
    return JournalEntry.of(freshId(), book, date, "generated", postings);
  }

  private void breakEntry(List<Posting> postings, BookId book) {
    int i = random.nextInt(postings.size());
    Posting p = postings.get(i);
    switch (random.nextInt(8)) {
      case 0 -> postings.set(i, new Posting(p.account(), p.side(), p.amount().plusMinor(1)));
      case 1 -> postings.set(i, new Posting(p.account(), p.side(), Money.zero(INR)));
      case 2 -> postings.set(i, new Posting(p.account(), p.side(), p.amount().negated()));
      case 3 -> postings.set(i, new Posting(p.account(), p.side(), Money.of(NPR, p.amount().getAmount())));
      case 4 -> {
        Posting first = postings.get(0);
        postings.clear();
        postings.add(first);
      }
      case 5 -> {
        while (postings.size() <= Journal.MAX_POSTINGS) {
          postings.add(p);
        }
      }
      case 6 -> {
        Money huge = Money.ofMinor(INR, Journal.MAX_AMOUNT_MINOR + 1);
        postings.clear();
        postings.add(Posting.debit(p.account(), huge));
        postings.add(Posting.credit(p.account(), huge));
      }
      default -> postings.set(i, new Posting(AccountCode.of(CONTROLS[random.nextInt(2)]), p.side(), p.amount()));
    }
  }
}
