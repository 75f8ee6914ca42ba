package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.LedgerException;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.store.StoreException;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import picocli.CommandLine.Command;

/**
 * How a failing command ends: one line on standard error, the documented exit code, and a stack
 * trace only with --verbose. The failures come from a test-only subcommand, most of them real
 * refusals by an in-memory journal.
 */
class ErrorHandlerTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId BOOK = BookId.of("SHG01");
  private static final LocalDate DATE = LocalDate.of(2025, 4, 5);

  /** A subcommand that runs whatever the test gives it. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    private final Callable<Integer> action;

    Fail(Callable<Integer> action) {
      this.action = action;
    }

    @Override
    public Integer call() throws Exception {
      return action.call();
    }
  }

  private static Run runFailing(Callable<Integer> action, String... args) {
    return Run.shg(commandLine -> commandLine.addSubcommand("fail", new Fail(action)), args);
  }

  private static Run runFailing(Callable<Integer> action) {
    return runFailing(action, "fail");
  }

  /** A journal with one book, cash and one savings sub-ledger. */
  private static Journal smallJournal() {
    Journal journal = new InMemoryJournal();
    journal.createBook(new Book(BOOK, "Test group", INR));
    journal.openAccount(Account.of(BOOK, AccountCode.of("1000"), "Cash", AccountType.ASSET, INR));
    Account savings =
        journal.openAccount(
            Account.of(BOOK, AccountCode.of("2000"), "Savings", AccountType.LIABILITY, INR));
    journal.openAccount(savings.subLedger("M01", "Savings of M01"));
    return journal;
  }

  private static Integer recordUnbalanced() {
    smallJournal()
        .record(
            JournalEntry.of(EntryId.of("E1"), BOOK, DATE, "unbalanced",
                List.of(
                    Posting.debit(AccountCode.of("1000"), Money.parse("INR 10.00")),
                    Posting.credit(AccountCode.of("2000:M01"), Money.parse("INR 5.00")))));
    return ExitCodes.OK;
  }

  @Test
  void ruleBrokenIsOneLineAndExitCode3() {
    Run run = runFailing(ErrorHandlerTest::recordUnbalanced);

    assertAll(
        () -> assertEquals(ExitCodes.REJECTED, run.exitCode()),
        () ->
            assertArrayEquals(
                new String[] {
                  "shg: rejected (UNBALANCED): book SHG01, entry E1: debits INR 10.00 differ from"
                      + " credits INR 5.00"
                },
                run.errLines()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void missingBookIsNotFoundWithExitCode4() {
    Run run = runFailing(() -> {
      smallJournal().trialBalance(BookId.of("NOPE"), DATE);
      return ExitCodes.OK;
    });

    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertArrayEquals(
        new String[] {"shg: rejected (BOOK_NOT_FOUND): book NOPE does not exist"}, run.errLines());
  }

  @Test
  void missingAccountIsNotFoundWithExitCode4() {
    Run run = runFailing(() -> {
      smallJournal()
          .record(
              JournalEntry.of(EntryId.of("E2"), BOOK, DATE, "to nowhere",
                  List.of(
                      Posting.debit(AccountCode.of("1000"), Money.parse("INR 10.00")),
                      Posting.credit(AccountCode.of("2000:M99"), Money.parse("INR 10.00")))));
      return ExitCodes.OK;
    });

    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertArrayEquals(
        new String[] {
          "shg: rejected (ACCOUNT_NOT_FOUND): book SHG01, entry E2, posting 2: account 2000:M99"
              + " does not exist"
        },
        run.errLines());
  }

  @Test
  void missingEntryToReverseIsNotFoundWithExitCode4() {
    Run run = runFailing(() -> {
      smallJournal().reverse(BOOK, EntryId.of("E9"), EntryId.of("E9-R"), DATE, "mistake");
      return ExitCodes.OK;
    });

    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertTrue(run.err().startsWith("shg: rejected (REVERSED_ENTRY_NOT_FOUND): "), run.err());
  }

  @Test
  void otherLedgerErrorIsRejectedWithExitCode3() {
    Run run = runFailing(() -> {
      throw new LedgerException("loan L1: term of 0 months");
    });

    assertEquals(ExitCodes.REJECTED, run.exitCode());
    assertArrayEquals(new String[] {"shg: rejected: loan L1: term of 0 months"}, run.errLines());
  }

  @Test
  void engineRefusalNamesItsReasonWithExitCode3AndAMissingMemberIs4() {
    Run refused = runFailing(() -> {
      throw new GroupException(GroupRejection.INSUFFICIENT_CASH, "not enough cash in hand");
    });
    Run missing = runFailing(() -> {
      throw new GroupException(GroupRejection.MEMBER_NOT_FOUND, "group SHG01: there is no member M99");
    });

    assertEquals(ExitCodes.REJECTED, refused.exitCode());
    assertArrayEquals(new String[] {"shg: rejected (INSUFFICIENT_CASH): not enough cash in hand"}, refused.errLines());
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode());
  }

  @Test
  void aBusyDatabaseIsAnInputOutputErrorWithExitCode5() {
    Run run = runFailing(() -> {
      throw new StoreException(StoreException.Kind.BUSY, "shg.db is busy; try again", null);
    });

    assertEquals(ExitCodes.IO_ERROR, run.exitCode());
    assertArrayEquals(new String[] {"shg: database error (BUSY): shg.db is busy; try again"}, run.errLines());
  }

  @Test
  void inputOutputErrorHasExitCode5() {
    Run checked = runFailing(() -> {
      throw new FileNotFoundException("seeds/SHG01.csv (No such file or directory)");
    });
    Run unchecked = runFailing(() -> {
      throw new UncheckedIOException("cannot read seeds/SHG01.csv",
          new FileNotFoundException("seeds/SHG01.csv"));
    });

    assertEquals(ExitCodes.IO_ERROR, checked.exitCode());
    assertArrayEquals(
        new String[] {"shg: input/output error: seeds/SHG01.csv (No such file or directory)"},
        checked.errLines());
    assertEquals(ExitCodes.IO_ERROR, unchecked.exitCode());
    assertArrayEquals(
        new String[] {"shg: input/output error: cannot read seeds/SHG01.csv"}, unchecked.errLines());
  }

  @Test
  void bugIsAnInternalErrorWithExitCode70AndAHint() {
    Run run = runFailing(() -> {
      throw new IllegalStateException("boom");
    });

    assertEquals(ExitCodes.INTERNAL_ERROR, run.exitCode());
    String[] lines = run.errLines();
    assertEquals(2, lines.length, run.err());
    assertEquals("shg: internal error: java.lang.IllegalStateException: boom", lines[0]);
    assertTrue(lines[1].contains("--verbose"), lines[1]);
  }

  @Test
  void messageOnSeveralLinesIsPrintedOnOne() {
    Run run = runFailing(() -> {
      throw new LedgerException("first line\n  second line\r\nthird");
    });

    assertArrayEquals(
        new String[] {"shg: rejected: first line second line third"}, run.errLines());
  }

  @Test
  void noStackTraceWithoutVerbose() {
    Run run = runFailing(ErrorHandlerTest::recordUnbalanced);

    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void verboseBeforeOrAfterTheCommandAddsTheStackTrace() {
    for (String[] args :
        List.of(new String[] {"--verbose", "fail"}, new String[] {"fail", "--verbose"})) {
      Run run = runFailing(ErrorHandlerTest::recordUnbalanced, args);

      String joined = String.join(" ", args);
      assertEquals(ExitCodes.REJECTED, run.exitCode(), joined);
      String[] lines = run.errLines();
      assertTrue(lines[0].startsWith("shg: rejected (UNBALANCED): "), joined + ": " + run.err());
      assertTrue(
          lines[1].startsWith("org.shgledger.journal.JournalException: "), joined + ": " + run.err());
      assertTrue(run.err().contains("\tat org.shgledger.journal.spi.JournalRules.checkEntry"), run.err());
    }
  }

  @Test
  void exitCodeMapping() {
    assertAll(
        () -> assertEquals(ExitCodes.REJECTED, ErrorHandler.exitCode(new LedgerException("x"))),
        () -> assertEquals(ExitCodes.IO_ERROR, ErrorHandler.exitCode(new java.io.IOException("x"))),
        () -> assertEquals(ExitCodes.INTERNAL_ERROR, ErrorHandler.exitCode(new RuntimeException())),
        () -> assertEquals(ExitCodes.INTERNAL_ERROR, ErrorHandler.exitCode(new IllegalArgumentException())));
  }
}
