package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Book;
import org.shgledger.programme.Incident;
import org.shgledger.programme.IncidentEvent;
import org.shgledger.programme.IncidentId;
import org.shgledger.programme.IncidentStatus;
import org.shgledger.programme.IncidentType;

/** The incident register in a SQLite file; a purged incident's bytes are not left in the file. */
class SqliteIncidentRegisterTest extends JdbcIncidentRegisterTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  OpenedJournals stores() {
    return STORES;
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  @Test
  void aPurgedIncidentsIdIsNotLeftInTheFile() throws IOException {
    String url = STORES.newDatabaseUrl();
    Path file = Path.of(url.substring("jdbc:sqlite:".length()));
    String marker = "INC-97531864-2";
    LocalDate day = LocalDate.of(2025, 4, 5);
    try (LedgerStore store = LedgerStore.open(url)) {
      store.journal().createBook(new Book(SHG01, "One", CurrencyUnit.of("INR")));
      store.programme().incidents().addIncident(SHG01, new Incident(IncidentId.of(marker), day,
          IncidentType.RAPE, Optional.empty(), List.of(new IncidentEvent(day, IncidentStatus.REPORTED, List.of()))));
      store.programme().incidents().purge(SHG01, day);
    }
    // the store is closed: the write-ahead log is back in the file
    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains(marker), "the purged incident's id is still in the file");
  }
}
