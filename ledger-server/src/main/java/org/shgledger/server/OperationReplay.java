package org.shgledger.server;

import java.util.Objects;
import org.shgledger.LedgerException;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.StoreException;

/**
 * Applies one pushed operation to a store through the API's {@code Operations} (the engine, under
 * the operation's own id) and answers it as a push does: accepted (new, or a repeat of what the
 * books have) or refused with the named rejection and message. The server's batch route answers
 * each operation of a push with it, and {@code shg sync pull} replays a field copy's pending
 * operations with it on the server's newer books (docs/sync.md): so an operation is judged the same
 * way on both sides.
 */
public final class OperationReplay {

  private final Operations operations;

  /**
   * Replays on a store's books.
   *
   * @param store the books, not null
   */
  public OperationReplay(LedgerStore store) {
    this(new Operations(Objects.requireNonNull(store, "store")));
  }

  OperationReplay(Operations operations) {
    this.operations = operations;
  }

  /**
   * Applies one operation; a refusal writes nothing.
   *
   * @param group the group, not null
   * @param key the operation's key, for the answer, not null
   * @param body its body for {@code POST /api/v1/groups/{group}/operations}, not null
   * @return the answer, not null
   * @throws StoreException if the books are busy or failed: the operation has no answer
   */
  public SyncWire.Result apply(BookId group, String key, String body) {
    try {
      Operations.Outcome outcome = operations.perform(group, body);
      return new SyncWire.Result(key, true, outcome.status() == 200, null, null);
    } catch (BadRequest e) {
      return new SyncWire.Result(key, false, false, "BAD_REQUEST", e.getMessage());
    } catch (StoreException e) {
      throw e;
    } catch (LedgerException e) {
      return new SyncWire.Result(key, false, false, LedgerServer.Rejected.of(e).name(), e.getMessage());
    }
  }
}
