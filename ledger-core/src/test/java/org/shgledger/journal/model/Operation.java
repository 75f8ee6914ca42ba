package org.shgledger.journal.model;

import java.time.LocalDate;
import java.util.List;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;

/** One request to a journal, as the property tests generate them. */
sealed interface Operation {

  /** Which kind of request, for counting what was accepted. */
  String kind();

  record CreateBook(Book book) implements Operation {
    public String kind() {
      return "create book";
    }
  }

  record OpenAccount(Account account) implements Operation {
    public String kind() {
      return "open account";
    }
  }

  record CloseAccount(BookId book, AccountCode code) implements Operation {
    public String kind() {
      return "close account";
    }
  }

  /** Records an entry: a new one, or a replay of a recorded id with the same or other content. */
  record Record(JournalEntry entry, String why) implements Operation {
    public String kind() {
      return "record (" + why + ")";
    }
  }

  record RecordAll(List<JournalEntry> entries) implements Operation {
    public String kind() {
      return "record batch";
    }
  }

  /** Reverses through {@code Journal.reverse}, which builds the exact opposite. */
  record Reverse(JournalEntry original, JournalEntry reversal) implements Operation {
    public String kind() {
      return "reverse";
    }
  }

  record Lock(BookId book, LocalDate date) implements Operation {
    public String kind() {
      return "lock";
    }
  }
}
