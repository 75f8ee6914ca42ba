package org.shgledger.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain: each entry's SHA-256 over a canonical encoding of what is stored for it,
 * including the previous entry's hash in its book, so that changing, removing or inserting any
 * stored entry breaks the chain from that entry on.
 *
 * <p>The encoding, documented in docs/store.md so that an auditor can recompute it with any
 * tool, is a sequence of netstrings ({@code <length of the UTF-8 bytes in decimal>:<bytes>,}):
 * the tag {@code shg-ledger/entry/v1}, the previous hash (64 lowercase hex digits, all zeros for
 * a book's first entry), the book id, the entry's sequence number in decimal, the entry id, the
 * date as ISO-8601 ({@code 2025-04-05}), the memo, the reversed entry id and the source
 * reference (each as {@code -} if absent, or {@code +} followed by the value), the recording
 * instant as stored, the number of postings, and for each posting in line order its account
 * code, {@code D} or {@code C}, the amount in minor units in decimal, and the currency code.
 *
 * <p>Version 2 (entries recorded since entries carry their kind; {@code hash_version} 2) has the
 * tag {@code shg-ledger/entry/v2} and, after the postings, the kind's name and the member and
 * loan ids (each as {@code -} if absent, or {@code +} followed by the value). An entry recorded
 * before keeps its version 1 hash, which does not cover its kind.
 */
final class EntryHashes {

  /** The previous hash of a book's first entry. */
  static final String GENESIS = "0".repeat(64);

  /** The recipe entries are hashed with when they are recorded. */
  static final int CURRENT_VERSION = 2;

  private static final byte[] TAG_V1 = "shg-ledger/entry/v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TAG_V2 = "shg-ledger/entry/v2".getBytes(StandardCharsets.UTF_8);
  private static final HexFormat HEX = HexFormat.of();

  private EntryHashes() {}

  /** One posting as stored. */
  record StoredPosting(String accountCode, char side, long amountMinor, String currency) {}

  /** One entry as stored, everything the hash covers. */
  record StoredEntry(
      String previousHash,
      String bookId,
      long sequence,
      String entryId,
      String isoDate,
      String memo,
      Optional<String> reverses,
      Optional<String> sourceReference,
      String recordedAt,
      List<StoredPosting> postings,
      int hashVersion,
      String kind,
      Optional<String> member,
      Optional<String> loan) {}

  /**
   * The hash of a stored entry.
   *
   * @param entry the entry as stored
   * @return 64 lowercase hex digits
   */
  static String hash(StoredEntry entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 48 * entry.postings().size());
    netstring(out, entry.hashVersion() == 1 ? TAG_V1 : TAG_V2);
    netstring(out, entry.previousHash());
    netstring(out, entry.bookId());
    netstring(out, Long.toString(entry.sequence()));
    netstring(out, entry.entryId());
    netstring(out, entry.isoDate());
    netstring(out, entry.memo());
    optional(out, entry.reverses());
    optional(out, entry.sourceReference());
    netstring(out, entry.recordedAt());
    netstring(out, Integer.toString(entry.postings().size()));
    for (StoredPosting posting : entry.postings()) {
      netstring(out, posting.accountCode());
      netstring(out, String.valueOf(posting.side()));
      netstring(out, Long.toString(posting.amountMinor()));
      netstring(out, posting.currency());
    }
    if (entry.hashVersion() >= 2) {
      netstring(out, entry.kind());
      optional(out, entry.member());
      optional(out, entry.loan());
    }
    return sha256Hex(out.toByteArray());
  }

  /**
   * A hash as the journal stores it (since schema version 17): its 32 bytes, not its 64 hex
   * digits. Only the storage changes: the chain's input is still the hex text.
   *
   * @param hex 64 lowercase hex digits
   * @return the 32 bytes they spell
   */
  static byte[] stored(String hex) {
    return HEX.parseHex(hex);
  }

  /**
   * A hash as the journal stored it, back as the hex text the chain hashes.
   *
   * @param stored the stored bytes, or null (a column that is null)
   * @return 64 lowercase hex digits (fewer or more if the stored value is not 32 bytes, which
   *     verify then reports as a broken chain), or null for null
   */
  static String fromStored(byte[] stored) {
    return stored == null ? null : HEX.formatHex(stored);
  }

  /** The SHA-256 of bytes, as 64 lowercase hex digits. */
  static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256().digest(bytes));
  }

  private static void optional(ByteArrayOutputStream out, Optional<String> value) {
    if (value.isEmpty()) {
      netstring(out, "-");
    } else {
      netstring(out, "+");
      netstring(out, value.get());
    }
  }

  /** Writes a netstring: the UTF-8 bytes' length in decimal, a colon, the bytes, a comma. */
  static void netstring(ByteArrayOutputStream out, String value) {
    netstring(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void netstring(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(':');
    out.writeBytes(bytes);
    out.write(',');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
