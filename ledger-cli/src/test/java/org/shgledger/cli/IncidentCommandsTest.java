package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.journal.BookId;
import org.shgledger.programme.IncidentPurge;
import org.shgledger.store.LedgerStore;

/**
 * {@code shg incident record|update|purge} and {@code shg incidents}: counts, never stories. No
 * option takes a person or free text, and the report withholds small counts.
 */
class IncidentCommandsTest {

  @TempDir Path directory;

  @Test
  void anIncidentIsRecordedOnceAndItsResponseIsAHistory() {
    TestBooks books = TestBooks.withMembers(directory, "M01");

    assertEquals("recorded in SHG01: incident 20250405-1: trafficking on 2025-04-05, referred, referred to police,"
            + " anti-trafficking-unit, aged 12-17\n",
        books.ok("incident", "record", "SHG01", "--date", "2025-04-05", "--type", "trafficking", "--status",
            "referred", "--referred-to", "anti-trafficking-unit,police", "--age-band", "12-17").out());
    assertEquals("incident 20250405-1: trafficking on 2025-04-05, referred, referred to police,"
            + " anti-trafficking-unit, aged 12-17: recorded already; nothing new recorded\n",
        books.ok("incident", "record", "SHG01", "--date", "2025-04-05", "--type", "trafficking", "--status",
            "referred", "--referred-to", "anti-trafficking-unit,police", "--age-band", "12-17").out());
    assertEquals("incident 20250405-1: in-progress, referred to shelter from 2025-04-09\n",
        books.ok("incident", "update", "SHG01", "20250405-1", "--status", "in-progress", "--referred-to", "shelter",
            "--date", "2025-04-09").out());
    assertEquals("incident 20250405-1: in-progress, referred to shelter from 2025-04-09 already; nothing new"
            + " recorded\n",
        books.ok("incident", "update", "SHG01", "20250405-1", "--status", "in-progress", "--referred-to", "shelter",
            "--date", "2025-04-09").out());

    books.fails(ExitCodes.NOT_FOUND, "rejected (INCIDENT_NOT_FOUND)",
        "incident", "update", "SHG01", "20250405-9", "--status", "closed");
    books.fails(ExitCodes.REJECTED, "rejected (EVENT_BEFORE_INCIDENT)",
        "incident", "update", "SHG01", "20250405-1", "--status", "closed", "--date", "2025-04-01");
    books.fails(ExitCodes.USAGE, "'honour' is not one of rape, sexual-assault",
        "incident", "record", "SHG01", "--date", "2025-04-05", "--type", "honour", "--status", "reported");
    books.fails(ExitCodes.USAGE, "'15' is not an age band",
        "incident", "record", "SHG01", "--date", "2025-04-05", "--type", "rape", "--status", "reported",
        "--age-band", "15");
    books.fails(ExitCodes.USAGE, "cannot hold a name",
        "incident", "record", "SHG01", "--date", "2025-04-05", "--type", "rape", "--status", "reported",
        "--id", "SUNITA");
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      assertEquals(3, store.programme().incidents().incidents(BookId.of("SHG01")).get(0).events().size() + 1);
    }
  }

  /** Every incident command refuses an option that would name a person or tell a story. */
  @ParameterizedTest
  @ValueSource(strings = {"--name", "--member", "--note"})
  void everyIncidentCommandRejectsAnOptionNamingAPerson(String option) {
    TestBooks books = TestBooks.withMembers(directory, "M01");
    books.ok("incident", "record", "SHG01", "--date", "2025-04-05", "--type", "rape", "--status", "reported");
    List<List<String>> commands = List.of(
        List.of("incident", "record", "SHG01", "--date", "2025-04-05", "--type", "rape", "--status", "reported"),
        List.of("incident", "update", "SHG01", "20250405-1", "--status", "closed"),
        List.of("incident", "purge", "--groups", "SHG01"),
        List.of("incidents", "--groups", "SHG01"));
    for (List<String> command : commands) {
      String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(option, "M01"))
          .toArray(String[]::new);
      Run run = books.run(args);
      assertEquals(ExitCodes.USAGE, run.exitCode(), () -> String.join(" ", args) + "\n" + run.out() + run.err());
      assertTrue(run.err().contains("unknown option") && run.err().contains("'" + option + "'"), run.err());
    }
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      assertEquals(1, store.programme().incidents().incidents(BookId.of("SHG01")).size(), "nothing more recorded");
      assertEquals(1, store.programme().incidents().incidents(BookId.of("SHG01")).get(0).events().size());
    }
  }

  @Test
  void theReportWithholdsSmallCountsAndWhatWouldGiveThemAway() {
    TestBooks books = TestBooks.withMembers(directory, "M01");
    String[] types = {"trafficking", "trafficking", "trafficking", "trafficking", "trafficking", "trafficking",
        "trafficking", "missing-girl", "missing-girl", "physical-assault", "physical-assault", "physical-assault"};
    for (int i = 0; i < types.length; i++) {
      books.ok("incident", "record", "SHG01", "--date", "2025-04-10", "--type", types[i], "--status", "reported",
          "--id", "INC-" + (i + 1), "--age-band", i < 9 ? "12-17" : "18-25");
    }
    String csv = books.ok("incidents", "--groups", "SHG01", "--from", "2025-04-01", "--to", "2025-06-30",
        "--format", "csv").out();
    assertTrue(csv.contains("Incidents reported,12,2025-04-01,2025-06-30,incidents"), csv);
    assertTrue(csv.contains("trafficking or attempted trafficking,x,2025-04-01,2025-06-30,type.trafficking"), csv);
    assertTrue(csv.contains("missing girl,<5,2025-04-01,2025-06-30,type.missing-girl"), csv);
    assertTrue(csv.contains("physical assault,<5,2025-04-01,2025-06-30,type.physical-assault"), csv);
    assertTrue(csv.contains("aged 12 to 17,x,2025-04-01,2025-06-30,age.12-17"), csv);
    assertTrue(csv.contains("aged 18 to 25,<5,2025-04-01,2025-06-30,age.18-25"), csv);
    assertTrue(csv.contains("status: reported,12,2025-04-01,2025-06-30,status.reported"), csv);
    assertFalse(csv.contains("INC-"), "no incident's id leaves in a report");

    String exact = books.ok("incidents", "--groups", "SHG01", "--from", "2025-04-01", "--to", "2025-06-30",
        "--format", "csv", "--suppress-below", "1", "--by-group").out();
    assertTrue(exact.contains("missing girl,2,2025-04-01,2025-06-30,type.missing-girl"), exact);
    assertTrue(exact.contains("in group SHG01,12,2025-04-01,2025-06-30,group.SHG01"), exact);
    books.fails(ExitCodes.USAGE, "--suppress-below must be 1, or 3 to",
        "incidents", "--groups", "SHG01", "--suppress-below", "2");
  }

  @Test
  void aPurgeSaysWhatItWouldDeleteUntilConfirmedThenDeletesAndKeepsItsRecord() {
    TestBooks books = TestBooks.withMembers(directory, "M01");
    books.ok("incident", "record", "SHG01", "--date", "2025-04-05", "--type", "rape", "--status", "reported");
    books.ok("incident", "update", "SHG01", "20250405-1", "--status", "closed", "--date", "2025-05-01");

    assertEquals("SHG01: 1 incidents, 2 events would be deleted\nnothing deleted: add --confirm to delete\n",
        books.ok("incident", "purge", "--groups", "SHG01").out());
    String purged = books.ok("incident", "purge", "--groups", "SHG01", "--confirm").out();
    assertTrue(purged.startsWith("SHG01: 1 incidents, 2 events deleted; 0 left; purge recorded on "), purged);
    assertTrue(purged.contains("purged and verified: 0 incidents remain."), purged);
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      assertEquals(List.of(), store.programme().incidents().incidents(BookId.of("SHG01")));
      List<IncidentPurge> purges = store.programme().incidents().purges(BookId.of("SHG01"));
      assertEquals(1, purges.size());
      assertEquals(1, purges.get(0).incidents());
    }
    books.ok("verify", "SHG01");
  }
}
