package org.shgledger.group;

import java.util.Map;
import org.shgledger.journal.BookId;

/**
 * Where an engine keeps each operation it records, in the API's operations form, inside the
 * operation's own unit of work (issue 17: a field copy keeps its operations as pending until the
 * server has them; docs/sync.md). A store's engine logs only for books that are field copies.
 */
public interface OperationLog {

  /** Keeps nothing: an engine that is not a field copy's. */
  OperationLog NONE = new OperationLog() {
    @Override
    public boolean active(BookId book) {
      return false;
    }

    @Override
    public void recorded(BookId book, String key, Map<String, String> body) {}
  };

  /**
   * Whether the book is a field copy's, whose operations are kept.
   *
   * @param book the group, not null
   * @return true to keep its operations (and refuse those the API does not take)
   */
  boolean active(BookId book);

  /**
   * Keeps one recorded operation; called inside the operation's unit of work, after it recorded,
   * so that both are kept or neither. A repeat (same key, same body) keeps nothing new.
   *
   * @param book the group, not null
   * @param key its idempotency key: the entry id, or {@code meeting-roll:DATE} for a roll, not null
   * @param body its fields as {@code POST /api/v1/groups/{group}/operations} takes them, in order,
   *     {@code operation} first ({@link OperationBodies}), not null
   */
  void recorded(BookId book, String key, Map<String, String> body);
}
