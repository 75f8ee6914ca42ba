package org.shgledger.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.shgledger.LedgerException;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.importing.ImportException;
import org.shgledger.journal.JournalException;
import org.shgledger.programme.ProgrammeException;
import org.shgledger.server.Route.Guard;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.StoreException;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitException;

/**
 * The books over HTTP (issue 16): a JSON API under {@code /api/v1}, {@code /health} and {@code
 * /openapi.json}, on Javalin (Jetty 12), with bearer tokens and role checks (docs/server.md), and
 * the coordinators' pages ({@code Pages}, signed in with a session instead of a token).
 *
 * <pre>{@code
 * try (ServerBooks books = ServerBooks.open(url, dates, clock);
 *     LedgerServer server = LedgerServer.start(books, reports, "127.0.0.1", 8080, System.err)) {
 *   server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Requests for one group take turns on its books, in order (a report reads in several
 * statements, and none of a writer's may fall between them); requests for different groups run in
 * parallel, each on a store of its own, and those over many groups run alone ({@link Turns}).
 * Several servers over one PostgreSQL keep apart by the database's locks and find repeats by the
 * entry id, so they behave as one.
 *
 * <p>{@link #close()} is the graceful stop: new requests get 503, those in flight finish (up to
 * {@link #DRAIN_TIMEOUT}), then the HTTP server stops. The books are the caller's to close.
 */
public final class LedgerServer implements AutoCloseable {

  /** The longest a stop waits for requests in flight. */
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private static final String API = "/api/v1";
  private static final String JSON = "application/json; charset=utf-8";
  static final String USER = "shg.user";
  static final String ROUTE = "shg.route";

  /** Every route, in the order the OpenAPI file lists them. */
  static final List<Route> ROUTES = List.of(
      new Route("GET", "/health", Guard.PUBLIC, Set.of()),
      new Route("GET", "/openapi.json", Guard.ANY_USER, Set.of()),
      new Route("GET", API + "/groups", Guard.LIST_GROUPS, Set.of()),
      new Route("GET", API + "/groups/{group}/trial-balance", Guard.READ_GROUP, Set.of("as-of", "lang")),
      new Route("GET", API + "/groups/{group}/statement", Guard.READ_GROUP, Set.of("from", "to", "lang", "names")),
      new Route("GET", API + "/groups/{group}/members/{member}/passbook", Guard.READ_GROUP,
          Set.of("from", "to", "lang", "names")),
      new Route("GET", API + "/groups/{group}/loans", Guard.READ_GROUP, Set.of("as-of", "from", "lang")),
      new Route("GET", API + "/groups/{group}/accounts/{code}", Guard.READ_GROUP,
          Set.of("from", "to", "lang", "limit", "cursor")),
      new Route("GET", API + "/units/{unit}/indicators", Guard.READ_UNIT_TOTALS, Set.of("as-of", "saving-months", "lang")),
      new Route("GET", API + "/units/{unit}/statement", Guard.READ_UNIT_GROUPS, Set.of("from", "to", "lang")),
      new Route("GET", API + "/units/{unit}/grades", Guard.READ_UNIT_GROUPS, Set.of("from", "to", "lang")),
      new Route("GET", API + "/units/{unit}/commitment", Guard.READ_UNIT_TOTALS, Set.of("as-of", "saving-months", "lang")),
      new Route("GET", API + "/units/{unit}/incidents", Guard.READ_UNIT_TOTALS, Set.of("from", "to", "lang")),
      new Route("GET", API + "/units/{unit}/incidents/by-group", Guard.READ_UNIT_INCIDENTS_BY_GROUP,
          Set.of("from", "to", "lang")),
      new Route("POST", API + "/groups/{group}/savings", Guard.RECORD, Set.of()),
      new Route("POST", API + "/groups/{group}/loans/{loan}/repayments", Guard.RECORD, Set.of()),
      new Route("POST", API + "/groups/{group}/operations", Guard.RECORD, Set.of()),
      new Route("POST", API + "/groups/{group}/imports/meetings", Guard.RECORD, Set.of("dry-run")),
      new Route("POST", API + "/groups/{group}/imports/passbook", Guard.RECORD, Set.of("profile", "dry-run")),
      // books kept offline (issue 17, SyncRoutes): the books hold names, so guarded as recording is
      new Route("GET", SyncRoutes.BOOKS, Guard.RECORD, Set.of()),
      new Route("POST", SyncRoutes.BATCH, Guard.RECORD, Set.of()));

  private final ServerBooks books;
  private final ReportSource reports;
  /** Who may do what, over the main store: for the requests that run alone. */
  private final Access access;
  private final SyncRoutes sync;
  private final AccessLog log;
  private final Javalin app;
  private final Turns turns;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object stopped = new Object();
  private volatile boolean draining;
  private boolean closed;

  private LedgerServer(ServerBooks books, ReportSource reports, PrintStream logStream, boolean secureCookies) {
    this.books = books;
    this.reports = reports;
    this.access = new Access(books.store().units());
    this.sync = new SyncRoutes(books.store(), new Operations(books.store()));
    this.log = new AccessLog(logStream);
    this.turns = new Turns(books);
    Pages pages = new Pages(books, reports, access, log, turns.alone(), () -> draining, inFlight, secureCookies);
    this.app = Javalin.create(config -> {
      pages.install(config);
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // the largest any route takes; each route's own limit is checked before its body is read (body())
      config.http.maxRequestSize = Imports.MAX_BODY_BYTES;
      config.http.generateEtags = false;
      for (Route route : ROUTES) {
        HandlerType type = HandlerType.findOrCreate(route.method());
        config.routes.addHttpHandler(type, route.path(), ctx -> handle(route, ctx));
      }
      config.routes.error(404, "*", ctx -> {
        if (ctx.attribute(ROUTE) == null) {
          ctx.contentType(JSON).result(Bodies.error("NOT_FOUND", "no such path", null));
        }
      });
      config.requestLogger.http((ctx, millis) -> {
        Route route = ctx.attribute(ROUTE);
        User user = ctx.attribute(USER);
        log.request(ctx.method().name(), route == null ? "-" : route.path(), ctx.statusCode(), millis,
            user == null ? "-" : user.role().word());
      });
    });
  }

  /**
   * Starts a server.
   *
   * @param books the open books and users, not null; closed by the caller after this server
   * @param reports builds the reports' JSON, not null
   * @param host the address to bind, such as {@code 127.0.0.1}, not null
   * @param port the port, or 0 for any free one ({@link #port()})
   * @param logStream where the access log goes, with the failures of requests (each exception's class and frames, no message), not null
   * @return the running server
   */
  public static LedgerServer start(ServerBooks books, ReportSource reports, String host, int port, PrintStream logStream) {
    return start(books, reports, host, port, logStream, true);
  }

  /**
   * Starts a server whose pages' cookies may travel over plain HTTP: for tests and development on
   * loopback only, never behind a proxy (docs/server.md, "Sessions").
   *
   * @param books the open books and users, not null; closed by the caller after this server
   * @param reports builds the reports' JSON and HTML, not null
   * @param host the address to bind, such as {@code 127.0.0.1}, not null
   * @param port the port, or 0 for any free one ({@link #port()})
   * @param logStream where the access log goes, not null
   * @param secureCookies true (as {@link #start(ServerBooks, ReportSource, String, int, PrintStream)}
   *     does) to mark the pages' cookies {@code Secure}, which a browser sends over HTTPS only
   * @return the running server
   */
  public static LedgerServer start(ServerBooks books, ReportSource reports, String host, int port, PrintStream logStream,
      boolean secureCookies) {
    Objects.requireNonNull(books, "books");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(host, "host");
    LedgerServer server = new LedgerServer(books, reports, logStream, secureCookies);
    server.app.start(host, port);
    server.log.server("started port=" + server.port());
    return server;
  }

  /**
   * The routes this server serves.
   *
   * @return every route, not null
   */
  public static List<Route> routes() {
    return ROUTES;
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return app.port();
  }

  /**
   * Waits until {@link #close()} has stopped the server.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitStop() throws InterruptedException {
    synchronized (stopped) {
      while (!closed) {
        stopped.wait();
      }
    }
  }

  /**
   * Stops gracefully: refuses new requests with 503, lets those in flight finish (at most {@link
   * #DRAIN_TIMEOUT}), then stops the HTTP server. Calling it again does nothing.
   */
  @Override
  public void close() {
    synchronized (stopped) {
      if (closed) {
        return;
      }
      draining = true;
      log.server("draining in_flight=" + inFlight.get());
      long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        try {
          stopped.wait(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      app.stop();
      closed = true;
      log.server("stopped");
      stopped.notifyAll();
    }
  }

  /** Every request: count it, authenticate, check the role, run the route, map refusals to statuses. */
  private void handle(Route route, Context ctx) {
    ctx.attribute(ROUTE, route);
    // counted before the check, so that a stop that saw no request in flight also sees draining here
    inFlight.incrementAndGet();
    try {
      if (draining) {
        ctx.status(503).header("Connection", "close").contentType(JSON)
            .result(Bodies.error("STOPPING", "the server is stopping", null));
        return;
      }
      serve(route, ctx);
    } catch (BadRequest e) {
      ctx.status(400).contentType(JSON).result(Bodies.error("BAD_REQUEST", e.getMessage(), e.field()));
    } catch (TooLarge e) {
      ctx.status(413).contentType(JSON).result(Bodies.error("TOO_LARGE", e.getMessage(), null));
    } catch (ImportException e) {
      ctx.status(400).contentType(JSON).result(Imports.problems(e));
    } catch (StoreException e) {
      boolean busy = e.kind() == StoreException.Kind.BUSY;
      ctx.status(busy ? 503 : 500).contentType(JSON).result(Bodies.error(e.kind().name(),
          busy ? "the books are busy; try again" : "the database failed", null));
      if (!busy) {
        log.failure(route.path(), e);
      }
    } catch (LedgerException e) {
      Rejected rejected = Rejected.of(e);
      ctx.status(rejected.notFound() ? 404 : 422).contentType(JSON).result(Bodies.error(rejected.name(), e.getMessage(), null));
    } catch (HttpResponseException e) {
      // Javalin's own refusals, such as a body over the limit (413)
      ctx.status(e.getStatus()).contentType(JSON).result(Bodies.error(e.getStatus() == 413 ? "TOO_LARGE" : "HTTP",
          e.getStatus() == 413 ? "the body is larger than " + Imports.MAX_BODY_BYTES + " bytes" : e.getMessage(), null));
    } catch (RuntimeException e) {
      // the message may hold anything: neither the client nor the log gets it, the operator the trace
      log.failure(route.path(), e);
      ctx.status(500).contentType(JSON).result(Bodies.error("INTERNAL", "the server failed; its log says where", null));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void serve(Route route, Context ctx) {
    for (String parameter : ctx.queryParamMap().keySet()) {
      if (!route.parameters().contains(parameter)) {
        throw new BadRequest(parameter, "unknown query parameter '" + parameter + "'"
            + (route.parameters().isEmpty() ? "" : "; this path takes " + String.join(", ", route.parameters())));
      }
    }
    if (route.guard() == Guard.PUBLIC) {
      health(ctx);
      return;
    }
    Optional<User> user = authenticate(ctx);
    if (user.isEmpty()) {
      ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"shg\"")
          .contentType(JSON).result(Bodies.error("UNAUTHORIZED", "a valid bearer token is needed: Authorization: Bearer TOKEN", null));
      return;
    }
    ctx.attribute(USER, user.get());
    if (route.path().equals("/openapi.json")) {
      ctx.contentType(JSON).result(openApi());
    } else if (route.path().startsWith(API + "/groups/{group}/") && !SyncRoutes.handles(route.path())) {
      // one group's books: in its turn, on a store of this request's own
      turns.forGroup(Requests.group(ctx), route.method().equals("POST"),
          store -> decideAndDispatch(route, ctx, user.get(), new Access(store.units()), store));
    } else {
      turns.alone(store -> decideAndDispatch(route, ctx, user.get(), access, store));
    }
  }

  private Void decideAndDispatch(Route route, Context ctx, User user, Access access, LedgerStore store) {
    Access.Decision decision = Requests.decide(access, route, ctx, user);
    if (!decision.allowed()) {
      books.users().audit(user, route.method(), route.path(), Requests.target(ctx), decision.reason());
      ctx.status(403).contentType(JSON).result(Bodies.error("FORBIDDEN", "your role does not allow this", null));
      return null;
    }
    dispatch(route, ctx, user, access, store);
    return null;
  }

  private Optional<User> authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() > 200) {
      return Optional.empty();
    }
    return books.users().authenticate(header.substring("Bearer ".length()).strip());
  }

  private void dispatch(Route route, Context ctx, User user, Access access, LedgerStore store) {
    String path = route.path();
    if (SyncRoutes.handles(path)) {
      sync.serve(path, ctx, () -> body(ctx, Imports.MAX_BODY_BYTES));
      return;
    }
    Operations operations = new Operations(store);
    Imports imports = new Imports(store);
    if (path.equals(API + "/groups")) {
      groups(ctx, user, access, store);
    } else if (path.equals(API + "/units/{unit}/statement")) {
      report(ctx, store, route, user, ReportSource.Kind.UNIT_STATEMENT, Requests.unit(ctx).value(), null);
    } else if (path.equals(API + "/units/{unit}/grades")) {
      report(ctx, store, route, user, ReportSource.Kind.GRADES, Requests.unit(ctx).value(), null);
    } else if (path.equals(API + "/units/{unit}/commitment")) {
      report(ctx, store, route, user, ReportSource.Kind.COMMITMENT, Requests.unit(ctx).value(), null);
    } else if (path.equals(API + "/units/{unit}/incidents")) {
      report(ctx, store, route, user, ReportSource.Kind.INCIDENTS, Requests.unit(ctx).value(), null);
    } else if (path.equals(API + "/units/{unit}/incidents/by-group")) {
      report(ctx, store, route, user, ReportSource.Kind.INCIDENTS_BY_GROUP, Requests.unit(ctx).value(), null);
    } else if (path.equals(API + "/groups/{group}/accounts/{code}")) {
      report(ctx, store, route, user, ReportSource.Kind.ACCOUNT, Requests.group(ctx).value(), null, ctx.pathParam("code"));
    } else if (path.endsWith("/trial-balance")) {
      report(ctx, store, route, user, ReportSource.Kind.TRIAL_BALANCE, Requests.group(ctx).value(), null);
    } else if (path.endsWith("/statement")) {
      report(ctx, store, route, user, ReportSource.Kind.STATEMENT, Requests.group(ctx).value(), null);
    } else if (path.endsWith("/members/{member}/passbook")) {
      report(ctx, store, route, user, ReportSource.Kind.PASSBOOK, Requests.group(ctx).value(), Requests.member(ctx).value());
    } else if (path.endsWith("/indicators")) {
      report(ctx, store, route, user, ReportSource.Kind.INDICATORS, Requests.unit(ctx).value(), null);
    } else if (path.endsWith("/loans") && route.method().equals("GET")) {
      report(ctx, store, route, user, ReportSource.Kind.LOANS, Requests.group(ctx).value(), null);
    } else if (path.endsWith("/savings")) {
      written(ctx, operations.save(Requests.group(ctx), text(ctx)));
    } else if (path.endsWith("/repayments")) {
      written(ctx, operations.repay(Requests.group(ctx), ctx.pathParam("loan"), text(ctx)));
    } else if (path.endsWith("/operations")) {
      written(ctx, operations.perform(Requests.group(ctx), text(ctx)));
    } else if (path.endsWith("/imports/meetings")) {
      written(ctx, imports.meetings(Requests.group(ctx), body(ctx, Imports.MAX_BODY_BYTES), dryRun(ctx)));
    } else if (path.endsWith("/imports/passbook")) {
      Imports.Form form = passbookForm(ctx);
      written(ctx, imports.passbook(Requests.group(ctx), form.statement(), form.rules(), ctx.queryParam("profile"), dryRun(ctx)));
    } else {
      throw new IllegalStateException("route without a handler: " + route);
    }
  }

  /**
   * A request's body, refused past the route's limit. One that declares more than the largest
   * limit ({@link Imports#MAX_BODY_BYTES}) is refused before it is read; a smaller one past its
   * route's limit is read and then refused, so that the client, still sending, gets the answer
   * rather than a connection closed under it.
   */
  private static byte[] body(Context ctx, int limit) {
    if (ctx.contentLength() > Imports.MAX_BODY_BYTES) {
      throw new TooLarge(limit);
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > limit) {
      throw new TooLarge(limit);
    }
    return body;
  }

  /** A passbook import's body: the export alone, or multipart with the NGO's rules beside it. */
  private static Imports.Form passbookForm(Context ctx) {
    byte[] body = body(ctx, Imports.MAX_BODY_BYTES);
    return ctx.isMultipartFormData() ? Imports.form(body, ctx.contentType()) : new Imports.Form(body, null);
  }

  /** A JSON body: at most {@link Bodies#MAX_BODY_BYTES}, and UTF-8, or a 400. */
  private static String text(Context ctx) {
    byte[] body = body(ctx, Bodies.MAX_BODY_BYTES);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest("body", "the body is not UTF-8");
    }
  }

  private static boolean dryRun(Context ctx) {
    String value = ctx.queryParam("dry-run");
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new BadRequest("dry-run", "dry-run is true or false, not '" + value + "'");
  }

  /** A body over its route's limit: 413. */
  static final class TooLarge extends RuntimeException {
    TooLarge(int limit) {
      super("the body is larger than " + limit + " bytes", null, false, false);
    }
  }

  private static void written(Context ctx, Operations.Outcome outcome) {
    ctx.status(outcome.status()).contentType(JSON).result(outcome.json());
  }

  private void health(Context ctx) {
    ctx.contentType(JSON).result(Bodies.object("shg.health/1", json -> json.writeStringField("status", "ok")));
  }

  private void groups(Context ctx, User user, Access access, LedgerStore store) {
    List<Group> visible = new ArrayList<>();
    for (Group group : store.engine().registry().groups()) {
      if (access.mayRead(user, group.code())) {
        visible.add(group);
      }
    }
    etagged(ctx, Bodies.object("shg.groups/1", json -> {
      json.writeArrayFieldStart("groups");
      for (Group group : visible) {
        json.writeStartObject();
        json.writeStringField("group", group.code().value());
        json.writeStringField("name", group.name());
        json.writeStringField("currency", group.currency().getCode());
        json.writeStringField("formed", group.formed().toString());
        Optional<UnitCode> unit = store.units().unitOf(group.code());
        json.writeStringField("unit", unit.map(UnitCode::value).orElse(null));
        json.writeEndObject();
      }
      json.writeEndArray();
    }));
  }

  private void report(Context ctx, LedgerStore store, Route route, User user, ReportSource.Kind kind, String subject,
      String member) {
    report(ctx, store, route, user, kind, subject, member, null);
  }

  private void report(Context ctx, LedgerStore store, Route route, User user, ReportSource.Kind kind, String subject,
      String member, String account) {
    Map<String, String> options = new LinkedHashMap<>();
    boolean names = false;
    for (String parameter : route.parameters()) {
      String value = ctx.queryParam(parameter);
      if (value == null) {
        continue;
      }
      if (parameter.equals("names")) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new BadRequest("names", "names is true or false, not '" + value + "'");
        }
        names = value.equals("true");
        if (names && !Access.maySeeNames(user)) {
          throw new BadRequest("names", "members' names are not shown to a " + user.role().word());
        }
      } else {
        options.put(parameter, value);
      }
    }
    String json;
    try {
      json = reports.json(store, new ReportSource.Query(kind, subject, member, options, names,
          !Access.maySeeNames(user), account));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("query", e.getMessage());
    }
    etagged(ctx, json);
  }

  /** A report's body with its ETag, or 304 when the client holds it already. */
  private static void etagged(Context ctx, String json) {
    String etag = "\"" + sha256(json).substring(0, 32) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "private, no-cache");
    String held = ctx.header("If-None-Match");
    if (held != null && List.of(held.split("\\s*,\\s*")).contains(etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(JSON).result(json);
  }

  private static byte[] openApi() {
    try (InputStream in = LedgerServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name of an engine's refusal and whether it means "not found" (404) rather than 422. */
  record Rejected(String name, boolean notFound) {
    static Rejected of(LedgerException e) {
      if (e instanceof JournalException journal) {
        return new Rejected(journal.reason().name(), journal.reason().isNotFound());
      }
      if (e instanceof GroupException group) {
        return new Rejected(group.reason().name(), group.reason().isNotFound());
      }
      if (e instanceof UnitException unit) {
        return new Rejected(unit.reason().name(), unit.reason().isNotFound());
      }
      if (e instanceof ProgrammeException programme) {
        return new Rejected(programme.reason().name(), programme.reason().isNotFound());
      }
      return new Rejected("REJECTED", false);
    }
  }

}
