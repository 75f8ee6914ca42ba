package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;

/** The hash chain's canonical encoding, as docs/store.md spells it out for auditors. */
class EntryHashesTest {

  /** The worked example in docs/store.md, byte for byte. */
  private static final String ENCODED =
      "19:shg-ledger/entry/v1,64:0000000000000000000000000000000000000000000000000000000000000000,"
          + "5:SHG01,1:1,2:S1,10:2025-04-05,7:savings,1:-,1:-,20:2025-04-05T10:00:00Z,1:2,"
          + "4:1000,1:D,5:10000,3:INR,8:2000:M01,1:C,5:10000,3:INR,";

  private static final StoredEntry EXAMPLE = new StoredEntry(
      EntryHashes.GENESIS, "SHG01", 1, "S1", "2025-04-05", "savings", Optional.empty(),
      Optional.empty(), "2025-04-05T10:00:00Z",
      List.of(new StoredPosting("1000", 'D', 10_000, "INR"), new StoredPosting("2000:M01", 'C', 10_000, "INR")),
      1, "GENERAL", Optional.empty(), Optional.empty());

  /** The second worked example in docs/store.md: the same saving recorded since entries carry their kind. */
  private static final String ENCODED_V2 =
      "19:shg-ledger/entry/v2,64:0000000000000000000000000000000000000000000000000000000000000000,"
          + "5:SHG01,1:1,2:S1,10:2025-04-05,7:savings,1:-,1:-,20:2025-04-05T10:00:00Z,1:2,"
          + "4:1000,1:D,5:10000,3:INR,8:2000:M01,1:C,5:10000,3:INR,6:SAVING,1:+,3:M01,1:-,";

  private static final StoredEntry EXAMPLE_V2 = new StoredEntry(
      EntryHashes.GENESIS, "SHG01", 1, "S1", "2025-04-05", "savings", Optional.empty(),
      Optional.empty(), "2025-04-05T10:00:00Z", EXAMPLE.postings(), 2, "SAVING", Optional.of("M01"), Optional.empty());

  @Test
  void theHashIsSha256OfTheDocumentedNetstrings() throws Exception {
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(ENCODED.getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, EntryHashes.hash(EXAMPLE));
  }

  @Test
  void versionTwoCoversTheKindTheMemberAndTheLoan() throws Exception {
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(ENCODED_V2.getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, EntryHashes.hash(EXAMPLE_V2));
    assertNotEquals(EntryHashes.hash(EXAMPLE_V2), EntryHashes.hash(new StoredEntry(EXAMPLE_V2.previousHash(), "SHG01", 1,
        "S1", "2025-04-05", "savings", Optional.empty(), Optional.empty(), EXAMPLE_V2.recordedAt(),
        EXAMPLE_V2.postings(), 2, "SAVING", Optional.of("M02"), Optional.empty())), "another member, another hash");
  }

  @Test
  void theDocumentShowsTheSameEncoding() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "store.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(ENCODED), "docs/store.md spells out the example encoding");
    assertTrue(doc.contains(ENCODED_V2), "docs/store.md spells out the version 2 example encoding");
  }

  @Test
  void absentAndEmptyOptionalTextsHashApart() {
    StoredEntry empty = new StoredEntry(
        EXAMPLE.previousHash(), "SHG01", 1, "S1", "2025-04-05", "savings", Optional.empty(),
        Optional.of(""), EXAMPLE.recordedAt(), EXAMPLE.postings(), 1, "GENERAL", Optional.empty(), Optional.empty());

    assertNotEquals(EntryHashes.hash(EXAMPLE), EntryHashes.hash(empty));
  }

  @Test
  void lengthsKeepFieldsApart() {
    StoredEntry shifted = new StoredEntry(
        EXAMPLE.previousHash(), "SHG01", 1, "S1", "2025-04-05", "saving", Optional.empty(),
        Optional.of("s"), EXAMPLE.recordedAt(), EXAMPLE.postings(), 1, "GENERAL", Optional.empty(), Optional.empty());

    assertNotEquals(EntryHashes.hash(EXAMPLE), EntryHashes.hash(shifted));
  }
}
