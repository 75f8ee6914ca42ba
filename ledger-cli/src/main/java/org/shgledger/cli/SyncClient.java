package org.shgledger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shgledger.LedgerException;
import org.shgledger.cli.output.Labels;
import org.shgledger.journal.BookId;
import org.shgledger.server.OperationReplay;
import org.shgledger.server.SyncWire;
import org.shgledger.store.BookCopy;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.SyncLog;
import org.shgledger.store.Verification;

/**
 * The client side of books kept offline (issue 17, docs/sync.md): clone, push and pull over a
 * {@link Transport}, the real one HTTP and a test's one faulty. Every write to the field file is
 * either one SQLite transaction (an operation's answer) or a whole new file renamed into place
 * (clone, pull), so a crash at any point leaves the file as it was or as it should be. Its messages
 * are in the user's language ({@code sync.*} labels).
 */
final class SyncClient {

  /** How many operations go in one request: a year of a 20-member group's meetings fits in one. */
  static final int BATCH = 1_000;

  /** One HTTP exchange. */
  interface Transport {
    /**
     * Sends a request.
     *
     * @param method GET or POST
     * @param url the full URL
     * @param token the bearer token
     * @param body the gzip-compressed body, or null
     * @return the status and the body as received (gzip-compressed for the sync routes)
     * @throws IOException if the exchange failed (the request may or may not have arrived)
     */
    Response send(String method, String url, String token, byte[] body) throws IOException;
  }

  /** A response: the status and the raw body. */
  record Response(int status, byte[] body) {}

  /** What a push did. */
  record Pushed(int sent, int accepted, int repeats, int refused) {}

  /**
   * What a pull did.
   *
   * @param verified each group's verification of the server's books as received
   * @param replayed the pending operations replayed on them, still pending
   * @param repeats the pending operations the server had already, now accepted
   */
  record Pulled(List<Verification> verified, int replayed, int repeats) {}

  /** A failure of the network or of the server, as opposed to a refusal of an operation. */
  static final class SyncFailure extends LedgerException {
    SyncFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A pending operation the server's newer books refuse: the pull wrote nothing. */
  static final class NotReplayed extends LedgerException {
    NotReplayed(String message) {
      super(message);
    }
  }

  private final Transport transport;
  private final String token;
  private final Labels labels;

  /** A client whose messages are in English. */
  SyncClient(Transport transport, String token) {
    this(transport, token, Labels.of(org.shgledger.cli.output.Lang.EN));
  }

  SyncClient(Transport transport, String token, Labels labels) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.token = Objects.requireNonNull(token, "token");
    this.labels = Objects.requireNonNull(labels, "labels");
  }

  /** The real transport: HTTP, gzip both ways. */
  static Transport http() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    return (method, url, token, body) -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
          .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip");
      if (body != null) {
        request.header("Content-Type", "application/json").header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        request.GET();
      }
      try {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    };
  }

  /**
   * Copies the groups' books from the server into a new file, written beside it and renamed into
   * place: the file appears whole or not at all.
   *
   * @return each group's verification on the new file
   */
  List<Verification> cloneInto(String server, List<BookId> groups, Path file) {
    if (Files.exists(file)) {
      throw new LedgerException(labels.format("sync.file_exists", file));
    }
    String now = Instant.now().toString();
    Map<BookId, String> remotes = new LinkedHashMap<>();
    groups.forEach(group -> remotes.put(group, server));
    return writeFile(file, remotes, store -> {
      for (BookId group : remotes.keySet()) {
        SyncLog.remember(store, new SyncLog.Remote(group, server, now, now));
      }
    });
  }

  /**
   * Sends the field file's pending operations, group by group in the order they were recorded,
   * in batches, and keeps each response's answers in one transaction: a push stopped at any point
   * and run again sends only what has no answer, and the server finds repeats by their keys.
   *
   * @param stopAfter for tests: the most answers to keep before stopping as a crash would (those of
   *     the response it stops in are kept together); -1 for all
   */
  Pushed push(Path file, int batch, int stopAfter) {
    int sent = 0;
    int accepted = 0;
    int repeats = 0;
    int refused = 0;
    int kept = 0;
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      Map<BookId, String> servers = servers(store);
      for (BookId group : pending(store).keySet()) {
        String server = servers.get(group);
        // read again after each response: a refused joining or loan refuses in the file what was
        // recorded for her or on it (SyncLog.DEPENDS_ON_REFUSED), which is then not sent
        for (List<SyncLog.Operation> ops = pending(store).getOrDefault(group, List.of()); !ops.isEmpty(); ) {
          List<SyncLog.Operation> slice = ops.subList(0, Math.min(ops.size(), batch));
          List<SyncWire.PushedOperation> wire = slice.stream()
              .map(op -> new SyncWire.PushedOperation(op.key(), op.body())).toList();
          Response response = exchange("POST", server + "/api/v1/groups/" + group.value()
              + "/operations/batch", SyncWire.push(wire));
          List<SyncWire.Result> results;
          try {
            results = SyncWire.readResults(response.body());
          } catch (IllegalArgumentException e) {
            throw new SyncFailure(labels.format("sync.unreadable_push", e.getMessage()), e);
          }
          sent += slice.size();
          List<SyncLog.Answer> answers = new ArrayList<>();
          boolean crash = false;
          for (int i = 0; i < results.size() && i < slice.size(); i++) {
            SyncWire.Result result = results.get(i);
            SyncLog.Operation op = slice.get(i);
            if (!op.key().equals(result.key())) {
              throw new SyncFailure(labels.format("sync.wrong_key", result.key(), op.key()), null);
            }
            if (stopAfter >= 0 && kept + answers.size() >= stopAfter) {
              crash = true;
              break;
            }
            if (result.accepted()) {
              answers.add(new SyncLog.Answer(op.sequence(), SyncLog.State.ACCEPTED, result.repeat(), null, null));
              accepted++;
              repeats += result.repeat() ? 1 : 0;
            } else {
              answers.add(new SyncLog.Answer(op.sequence(), SyncLog.State.REFUSED, false, result.error(),
                  result.message()));
              refused++;
            }
          }
          // one transaction for the response's answers: all kept or none (then sent again, answered as repeats)
          SyncLog.answer(store, answers);
          kept += answers.size();
          if (crash) {
            return new Pushed(sent, accepted, repeats, refused);
          }
          if (results.size() < slice.size()) {
            throw new SyncFailure(labels.format("sync.busy", results.size(), slice.size()), null);
          }
          List<SyncLog.Operation> left = pending(store).getOrDefault(group, List.of());
          refused += ops.size() - slice.size() - left.size();
          ops = left;
        }
      }
    }
    return new Pushed(sent, accepted, repeats, refused);
  }

  /** The field file's pending operations, per group in the order of recording. */
  private static Map<BookId, List<SyncLog.Operation>> pending(LedgerStore store) {
    Map<BookId, List<SyncLog.Operation>> pending = new LinkedHashMap<>();
    for (SyncLog.Operation op : SyncLog.operations(store)) {
      if (op.state() == SyncLog.State.PENDING) {
        pending.computeIfAbsent(op.book(), b -> new ArrayList<>()).add(op);
      }
    }
    return pending;
  }

  /**
   * Replaces the field file's books with the server's, keeping its servers and its operations
   * with their answers: a new file written beside it and renamed over it, so an interrupted pull
   * leaves the old file as it was. Operations still pending are replayed in order on the server's
   * books in the new file, through the engine as the server would apply them ({@link
   * OperationReplay}), and stay pending; one the server has already (a push whose answer was lost)
   * counts as accepted. If one cannot be replayed on the server's newer books, nothing is written.
   *
   * @return each group's verification of the server's books as received, and what was replayed
   * @throws NotReplayed naming the first pending operation the server's books refuse, with the
   *     engine's reason
   */
  Pulled pull(Path file) {
    if (!Files.exists(file)) {
      throw new LedgerException(labels.format("sync.no_file", file));
    }
    Map<BookId, String> servers;
    List<SyncLog.Operation> pending;
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      servers = servers(store);
      pending = SyncLog.operations(store).stream().filter(op -> op.state() == SyncLog.State.PENDING).toList();
    }
    List<Long> had = new ArrayList<>();
    List<Verification> verified = writeFile(file, servers, store -> {
      // replayed before the file is marked a field copy: the engine keeps no second copy of them
      had.addAll(replay(store, pending));
      try (LedgerStore old = LedgerStore.openSqlite(file)) {
        SyncLog.copy(old, store);
      }
      SyncLog.answer(store, had.stream().map(sequence -> new SyncLog.Answer(sequence, SyncLog.State.ACCEPTED, true,
          null, null)).toList());
    });
    return new Pulled(verified, pending.size() - had.size(), had.size());
  }

  /** Replays pending operations in order; returns the numbers of those the books had already. */
  private List<Long> replay(LedgerStore store, List<SyncLog.Operation> pending) {
    OperationReplay replay = new OperationReplay(store);
    List<Long> had = new ArrayList<>();
    for (SyncLog.Operation op : pending) {
      SyncWire.Result result = replay.apply(op.book(), op.key(), op.body());
      if (!result.accepted()) {
        throw new NotReplayed(labels.format("sync.not_replayed", op.key(), op.name(), op.book(), result.error(),
            result.message()));
      }
      if (result.repeat()) {
        had.add(op.sequence());
      }
    }
    return had;
  }

  private Map<BookId, String> servers(LedgerStore store) {
    Map<BookId, String> servers = new LinkedHashMap<>();
    for (SyncLog.Remote remote : SyncLog.remotes(store)) {
      servers.put(remote.book(), remote.serverUrl());
    }
    if (servers.isEmpty()) {
      throw new LedgerException(labels.format("sync.not_field_copy", store.location()));
    }
    return servers;
  }

  private BookCopy.Book fetch(String server, BookId group) {
    Response response = exchange("GET", server + "/api/v1/groups/" + group.value() + "/books", null);
    try {
      BookCopy.Book book = SyncWire.readBooks(response.body());
      if (!book.book().equals(group)) {
        throw new SyncFailure(labels.format("sync.wrong_books", book.book(), group), null);
      }
      return book;
    } catch (IllegalArgumentException e) {
      throw new SyncFailure(labels.format("sync.unreadable_books", group, e.getMessage()), e);
    }
  }

  private Response exchange(String method, String url, byte[] body) {
    Response response;
    try {
      response = transport.send(method, url, token, body);
    } catch (IOException e) {
      throw new SyncFailure(labels.format("sync.unreachable", url, e.getMessage()), e);
    }
    if (response.status() != 200) {
      String text = new String(response.body(), StandardCharsets.UTF_8);
      throw new SyncFailure(labels.format("sync.server_answered", response.status(), method, url,
          (text.length() > 300 ? text.substring(0, 300) : text).strip()), null);
    }
    return response;
  }

  /** Work on the new file before it is renamed into place. */
  private interface Finishing {
    void finish(LedgerStore store);
  }

  /**
   * Writes the groups' books, fetched from their servers in order, into a new file beside the
   * given one, verifies each, finishes the file and renames it into place.
   */
  private List<Verification> writeFile(Path file, Map<BookId, String> remotes, Finishing finishing) {
    Path directory = file.toAbsolutePath().getParent();
    Path temp;
    try {
      temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".sync");
      Files.delete(temp); // SQLite makes the file, with its owner-only permissions
    } catch (IOException e) {
      throw new SyncFailure(labels.format("sync.cannot_write", file, e.getMessage()), e);
    }
    List<Verification> verified = new ArrayList<>();
    try {
      try (LedgerStore store = LedgerStore.openSqlite(temp)) {
        // one book fetched, written and verified at a time: a unit's books are never all in memory
        for (Map.Entry<BookId, String> remote : remotes.entrySet()) {
          BookCopy.Book book = fetch(remote.getValue(), remote.getKey());
          BookCopy.write(store, book);
          Verification verification = store.journal().verify(book.book());
          if (!verification.isOk() || !verification.headHash().equals(book.journalHead())) {
            throw new SyncFailure(labels.format("sync.copy_unverified", book.book(), verification), null);
          }
          verified.add(verification);
        }
        finishing.finish(store);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new SyncFailure(labels.format("sync.no_atomic_move", file), e);
      }
      return verified;
    } catch (IOException e) {
      throw new SyncFailure(labels.format("sync.cannot_write", file, e.getMessage()), e);
    } finally {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        try {
          Files.deleteIfExists(Path.of(temp + suffix));
        } catch (IOException e) {
          // a leftover temporary file is harmless: it is never read
        }
      }
    }
  }
}
