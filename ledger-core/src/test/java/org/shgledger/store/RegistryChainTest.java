package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.shgledger.store.RegistryChain.Row;
import org.shgledger.store.RegistryChain.Table;

/** The registry chain's canonical encoding, as docs/store.md spells it out for auditors. */
class RegistryChainTest {

  /** The worked example in docs/store.md, byte for byte: a book's first registry event, its own row. */
  private static final String ENCODED =
      "22:shg-ledger/registry/v1,64:0000000000000000000000000000000000000000000000000000000000000000,"
          + "5:SHG01,1:1,4:book,13:book_id=SHG01,20:2025-04-05T10:00:00Z,1:3,"
          + "7:book_id,5:SHG01,8:currency,3:INR,4:name,20:Roshni Mahila Samooh,";

  private static Row bookRow(String name) {
    TreeMap<String, String> columns = new TreeMap<>();
    columns.put("name", name);
    columns.put("currency", "INR");
    columns.put("book_id", "SHG01");
    return new Row(Table.BOOK, "book_id=SHG01", columns);
  }

  @Test
  void theHashIsSha256OfTheDocumentedNetstrings() throws Exception {
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(ENCODED.getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, RegistryChain.hash(RegistryChain.GENESIS, "SHG01", 1, bookRow("Roshni Mahila Samooh"),
        "2025-04-05T10:00:00Z"));
  }

  @Test
  void theDocumentShowsTheSameEncoding() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "store.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(ENCODED), "docs/store.md spells out the registry example encoding");
  }

  @Test
  void everyValueAndThePlaceInTheChainCount() {
    String hash = RegistryChain.hash(RegistryChain.GENESIS, "SHG01", 1, bookRow("Roshni Mahila Samooh"), "t");

    assertNotEquals(hash, RegistryChain.hash(RegistryChain.GENESIS, "SHG01", 1, bookRow("Roshni Mahila Samooh."), "t"));
    assertNotEquals(hash, RegistryChain.hash(RegistryChain.GENESIS, "SHG01", 2, bookRow("Roshni Mahila Samooh"), "t"));
    assertNotEquals(hash, RegistryChain.hash("1".repeat(64), "SHG01", 1, bookRow("Roshni Mahila Samooh"), "t"));
    assertNotEquals(hash, RegistryChain.hash(RegistryChain.GENESIS, "SHG01", 1, bookRow("Roshni Mahila Samooh"), "u"));
  }
}
