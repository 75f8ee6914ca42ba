package org.shgledger.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shgledger.group.OperationBodies;
import org.shgledger.journal.BookId;
import org.shgledger.store.BookCopy;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.StoreException;
import org.shgledger.store.SyncLog;

/**
 * The routes of books kept offline (issue 17, docs/sync.md): {@code GET
 * /api/v1/groups/{group}/books}, the group's books in their logical form for {@code shg sync
 * clone} and {@code pull}, and {@code POST /api/v1/groups/{group}/operations/batch}, the pending
 * operations of a field copy for {@code shg sync push}, each applied through {@link Operations}
 * (the engine, under the operation's entry id; {@link OperationReplay}) in order after whatever the
 * server has. Both are
 * gzip-compressed both ways and guarded as recording is ({@code RECORD}): the books hold members'
 * names, which an auditor never sees.
 */
final class SyncRoutes {

  /** The books of a group. */
  static final String BOOKS = "/api/v1/groups/{group}/books";

  /** A batch of operations. */
  static final String BATCH = "/api/v1/groups/{group}/operations/batch";

  private final LedgerStore store;
  private final OperationReplay replay;

  SyncRoutes(LedgerStore store, Operations operations) {
    this.store = store;
    this.replay = new OperationReplay(operations);
  }

  /** Whether the route is one of these. */
  static boolean handles(String path) {
    return path.equals(BOOKS) || path.equals(BATCH);
  }

  /**
   * Serves a request; the caller has checked the role.
   *
   * @param path the route's path
   * @param ctx the request
   * @param body the request's body, read within the route's limit
   */
  void serve(String path, Context ctx, java.util.function.Supplier<byte[]> body) {
    BookId group = Requests.group(ctx);
    if (path.equals(BOOKS)) {
      BookCopy.Book book = BookCopy.read(store, group);
      ctx.header("Content-Encoding", "gzip").contentType("application/json; charset=utf-8")
          .result(SyncWire.books(book));
      return;
    }
    List<SyncWire.PushedOperation> pushed;
    try {
      pushed = SyncWire.readPush(body.get());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("body", "the body is a gzip-compressed push (shg.sync-push/1): " + e.getMessage());
    }
    List<SyncWire.Result> results = new ArrayList<>();
    // the members and loans whose recording this push has had refused (OperationBodies.creates)
    java.util.Set<String> refusedHere = new java.util.HashSet<>();
    for (SyncWire.PushedOperation op : pushed) {
      SyncWire.Result result;
      Map<String, String> fields = fieldsOf(op.body());
      java.util.Optional<String[]> before = SyncLog.refusal(store, group, op.key(), op.body());
      if (before.isPresent()) {
        // a late copy of an operation refused before: the same answer, never judged again
        results.add(new SyncWire.Result(op.key(), false, false, before.get()[0], before.get()[1]));
        OperationBodies.creates(fields).ifPresent(refusedHere::add);
        continue;
      }
      java.util.Optional<String> gone = OperationBodies.names(fields).stream().filter(refusedHere::contains).findFirst();
      try {
        // recorded for a woman or on a loan refused above: under that id the books hold another
        result = gone.isPresent()
            ? new SyncWire.Result(op.key(), false, false, SyncLog.DEPENDS_ON_REFUSED, SyncLog.dependsOnRefused(gone.get()))
            : replay.apply(group, op.key(), op.body());
      } catch (StoreException e) {
        // busy or failed: this one and the rest stay unanswered, and the client sends them again
        if (results.isEmpty()) {
          throw e;
        }
        break;
      }
      if (!result.accepted()) {
        SyncLog.refused(store, group, op.key(), op.body(), result.error(), result.message());
        OperationBodies.creates(fields).ifPresent(refusedHere::add);
      }
      results.add(result);
    }
    ctx.header("Content-Encoding", "gzip").contentType("application/json; charset=utf-8")
        .result(SyncWire.results(group, results));
  }

  /** A pushed body's fields, or none when it is not a flat JSON object (the operations API refuses it then). */
  private static Map<String, String> fieldsOf(String body) {
    try {
      return Bodies.fields(body, null);
    } catch (BadRequest e) {
      return Map.of();
    }
  }
}
