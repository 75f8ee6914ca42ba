package org.shgledger.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import org.shgledger.LedgerException;
import org.shgledger.group.Group;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.journal.BookId;
import org.shgledger.server.Route.Guard;
import org.shgledger.server.Sessions.Session;
import org.shgledger.server.pages.Chrome;
import org.shgledger.server.pages.GradeLine;
import org.shgledger.server.pages.GroupLine;
import org.shgledger.server.pages.Labels;
import org.shgledger.server.pages.MeetingPage;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.StoreException;
import org.shgledger.unit.Grading;
import org.shgledger.unit.GradingPolicy;
import org.shgledger.unit.Scorecard;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;

/**
 * The coordinators' pages (docs/server.md, "The pages"): server-rendered HTML from precompiled jte
 * templates, for a cheap phone's browser and for A4 paper, with no script at all. Sign-in opens a
 * session kept in the database ({@link Sessions}), held by the browser in a cookie; every form
 * carries the session's CSRF token; every page checks the role against the group or unit in its
 * path with the API's own {@link Access}, and a refusal is a 403 page and an audit line.
 *
 * <p>The reports in the pages are the command line's HTML ({@link ReportSource#html}), wrapped in
 * the pages' layout, so that a page and {@code shg statement --format html} show the same figures.
 * A meeting is recorded from its form as one meeting register, through the same code as {@code shg
 * import meetings} ({@link MeetingForm}).
 */
final class Pages {

  /** The session's cookie. */
  static final String SESSION_COOKIE = "shg_session";

  /** The sign-in form's own cookie: its value is also in the form, so another site cannot post it. */
  static final String SIGN_IN_COOKIE = "shg_sign_in";

  private static final String HTML = "text/html; charset=utf-8";

  /** What a page may load: nothing but its own inline styles; forms post only to this server. */
  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Every page, in the order docs/server.md lists them. */
  static final List<Route> ROUTES = List.of(
      new Route("GET", "/sign-in", Guard.PUBLIC, Set.of()),
      new Route("POST", "/sign-in", Guard.PUBLIC, Set.of()),
      new Route("POST", "/sign-out", Guard.ANY_USER, Set.of()),
      new Route("GET", "/", Guard.ANY_USER, Set.of()),
      new Route("GET", "/groups/{group}", Guard.READ_GROUP, Set.of("recorded", "repeat")),
      new Route("GET", "/groups/{group}/members/{member}", Guard.READ_GROUP, Set.of()),
      new Route("GET", "/groups/{group}/loans", Guard.READ_GROUP, Set.of()),
      new Route("GET", "/groups/{group}/meetings/new", Guard.RECORD, Set.of("date")),
      new Route("GET", "/groups/{group}/meetings/{date}/sheet", Guard.RECORD, Set.of()),
      new Route("POST", "/groups/{group}/meetings", Guard.RECORD, Set.of()),
      new Route("GET", "/units/{unit}", Guard.READ_UNIT_TOTALS, Set.of()));

  private final ServerBooks books;
  private final ReportSource reports;
  private final Access access;
  private final AccessLog log;
  private final Lock turn;
  private final BooleanSupplier draining;
  private final AtomicInteger inFlight;
  private final boolean secureCookies;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(),
          "org.shgledger.server.pages.templates");

  Pages(ServerBooks books, ReportSource reports, Access access, AccessLog log, Lock turn,
      BooleanSupplier draining, AtomicInteger inFlight, boolean secureCookies) {
    this.books = books;
    this.reports = reports;
    this.access = access;
    this.log = log;
    this.turn = turn;
    this.draining = draining;
    this.inFlight = inFlight;
    this.secureCookies = secureCookies;
  }

  /** Adds the pages' routes to the server's. */
  void install(JavalinConfig config) {
    for (Route route : ROUTES) {
      config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> handle(route, ctx));
    }
  }

  /** A page's answer that is not the page asked for: a status and a message in the user's words. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String titleKey;
    final String message;

    Refusal(int status, String titleKey, String message) {
      super(titleKey, null, false, false);
      this.status = status;
      this.titleKey = titleKey;
      this.message = message;
    }
  }

  private void handle(Route route, Context ctx) {
    ctx.attribute(LedgerServer.ROUTE, route);
    inFlight.incrementAndGet();
    Session session = null;
    try {
      ctx.header("Content-Security-Policy", POLICY);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
      // pages hold the books' figures and members' ids: no shared or back-button cache keeps them
      ctx.header("Cache-Control", "no-store");
      if (draining.getAsBoolean()) {
        ctx.header("Connection", "close");
        throw new Refusal(503, "failed.title", Labels.of("en").get("stopping"));
      }
      for (String parameter : ctx.queryParamMap().keySet()) {
        if (!route.parameters().contains(parameter)) {
          throw new BadRequest(parameter, "unknown query parameter '" + parameter + "'");
        }
      }
      if (route.guard() == Guard.PUBLIC) {
        if (route.method().equals("GET")) {
          signInPage(ctx, null, "", 200);
        } else {
          signIn(ctx);
        }
        return;
      }
      String cookie = ctx.cookie(SESSION_COOKIE);
      Optional<Session> found = cookie == null ? Optional.empty() : books.sessions().session(cookie);
      if (found.isEmpty()) {
        // a page without a session goes to the sign-in page; the API answers 401 instead
        ctx.status(303).header("Location", "/sign-in");
        return;
      }
      session = found.get();
      ctx.attribute(LedgerServer.USER, session.user());
      Labels labels = Labels.of(session.language().code());
      if (route.method().equals("POST") && !Sessions.csrfMatches(session, ctx.formParam("csrf"))) {
        throw new Refusal(403, "forbidden.title", labels.get("csrf"));
      }
      if (route.path().equals("/sign-out")) {
        books.sessions().end(cookie);
        ctx.res().addHeader("Set-Cookie", cookie(SESSION_COOKIE, "", 0));
        ctx.status(303).header("Location", "/sign-in");
        return;
      }
      turn.lock();
      try {
        Access.Decision decision = Requests.decide(access, route, ctx, session.user());
        if (!decision.allowed()) {
          books.users().audit(session.user(), route.method(), route.path(), Requests.target(ctx), decision.reason());
          throw new Refusal(403, "forbidden.title", labels.get("forbidden"));
        }
        dispatch(route, ctx, session, labels);
      } finally {
        turn.unlock();
      }
    } catch (Refusal e) {
      message(ctx, session, e.status, e.titleKey, e.message);
    } catch (BadRequest e) {
      Labels labels = labels(session);
      message(ctx, session, 400, "bad_request.title", labels.format("bad_request", e.getMessage()));
    } catch (StoreException e) {
      boolean busy = e.kind() == StoreException.Kind.BUSY;
      if (!busy) {
        log.failure(route.path(), e);
      }
      message(ctx, session, busy ? 503 : 500, "failed.title", labels(session).get(busy ? "busy" : "failed"));
    } catch (LedgerException e) {
      LedgerServer.Rejected rejected = LedgerServer.Rejected.of(e);
      if (rejected.notFound()) {
        message(ctx, session, 404, "not_found.title", labels(session).get("not_found"));
      } else {
        message(ctx, session, 422, "bad_request.title", labels(session).format("bad_request", rejected.name()));
      }
    } catch (HttpResponseException e) {
      message(ctx, session, e.getStatus(), "bad_request.title", labels(session).format("bad_request", e.getStatus()));
    } catch (RuntimeException e) {
      log.failure(route.path(), e);
      message(ctx, session, 500, "failed.title", labels(session).get("failed"));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void dispatch(Route route, Context ctx, Session session, Labels labels) {
    switch (route.method() + " " + route.path()) {
      case "GET /" -> home(ctx, session, labels);
      case "GET /groups/{group}" -> statement(ctx, session, labels);
      case "GET /groups/{group}/members/{member}" -> report(ctx, session, labels, ReportSource.Kind.PASSBOOK,
          Requests.member(ctx).value(), labels.get("passbook"), null, List.of());
      case "GET /groups/{group}/loans" -> report(ctx, session, labels, ReportSource.Kind.LOANS, null,
          labels.get("loans"), null, List.of());
      case "GET /groups/{group}/meetings/new" -> meetingForm(ctx, session, labels);
      case "GET /groups/{group}/meetings/{date}/sheet" -> meetingSheet(ctx, session, labels);
      case "POST /groups/{group}/meetings" -> recordMeeting(ctx, session, labels);
      case "GET /units/{unit}" -> unitPage(ctx, session, labels);
      default -> throw new IllegalStateException("page without a handler: " + route);
    }
  }

  // ---- sign-in

  private void signInPage(Context ctx, String message, String name, int status) {
    String form = Secrets.newPassword();
    ctx.res().addHeader("Set-Cookie", cookie(SIGN_IN_COOKIE, form, 3600));
    Labels labels = Labels.of("en");
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", new Chrome(labels.get("sign_in"), labels, null, null, null, null));
    model.put("form", form);
    model.put("name", name);
    model.put("message", message);
    render(ctx, status, "sign_in.jte", model);
  }

  private void signIn(Context ctx) {
    Labels labels = Labels.of("en");
    String form = ctx.formParam("form");
    String held = ctx.cookie(SIGN_IN_COOKIE);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    if (form == null || held == null || !java.security.MessageDigest.isEqual(form.getBytes(StandardCharsets.UTF_8), held.getBytes(StandardCharsets.UTF_8))) {
      signInPage(ctx, labels.get("sign_in.expired"), "", 403);
      return;
    }
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Sessions.SignIn result = books.sessions().signIn(name, password);
    if (result instanceof Sessions.SignIn.Opened opened) {
      ctx.attribute(LedgerServer.USER, opened.session().user());
      ctx.res().addHeader("Set-Cookie", cookie(SIGN_IN_COOKIE, "", 0));
      ctx.res().addHeader("Set-Cookie", cookie(SESSION_COOKIE, opened.sessionId(),
          Sessions.SESSION_LIFETIME.toSeconds()));
      ctx.status(303).header("Location", "/");
    } else if (result instanceof Sessions.SignIn.Locked locked) {
      signInPage(ctx, labels.format("sign_in.locked", locked.minutes()), name, 429);
    } else {
      signInPage(ctx, labels.get("sign_in.wrong"), name, 401);
    }
  }

  /** A cookie for this server's pages only: never to scripts, never on another site's request. */
  private String cookie(String name, String value, long maxAgeSeconds) {
    return name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
        + (secureCookies ? "; Secure" : "");
  }

  // ---- pages

  private void home(Context ctx, Session session, Labels labels) {
    User user = session.user();
    LedgerStore store = books.store();
    List<GroupLine> groups = new ArrayList<>();
    if (access.toList(user).allowed()) {
      LocalDate last = LocalDate.now();
      LocalDate first = last.minusYears(1).plusDays(1);
      Grading grading = new Grading(store.units());
      for (Group group : store.engine().registry().groups()) {
        if (!access.mayRead(user, group.code())) {
          continue;
        }
        List<Meeting> meetings = store.engine().registry().meetings(group.code());
        String grade = grading.scorecard(group.code(), first, last, GradingPolicy.defaults()).grade().name();
        groups.add(new GroupLine(group.code().value(), group.name(), grade,
            meetings.isEmpty() ? "" : meetings.get(meetings.size() - 1).date().toString()));
      }
    }
    List<String> units = new ArrayList<>();
    if (user.role() != Role.TREASURER) {
      if (user.unit().isPresent()) {
        units.add(user.unit().get().value());
      } else {
        for (Unit unit : store.units().units()) {
          if (unit.parent().isEmpty()) {
            units.add(unit.code().value());
          }
        }
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome(labels.get("my_groups"), labels, session, null));
    model.put("groups", groups);
    model.put("units", units);
    render(ctx, 200, "home.jte", model);
  }

  private void statement(Context ctx, Session session, Labels labels) {
    String message = null;
    String recorded = ctx.queryParam("recorded");
    if (recorded != null && recorded.length() <= 64) {
      Optional<String> summary = books.sessions().submitted(recorded, Requests.group(ctx).value());
      if (summary.isPresent()) {
        String[] parts = summary.get().split(" ");
        String text = labels.format("meeting.recorded", parts[0], parts.length > 1 ? parts[1] : "0");
        message = "true".equals(ctx.queryParam("repeat")) ? labels.format("meeting.repeat", text) : text;
      }
    }
    List<String> members = new ArrayList<>();
    for (Member member : books.store().engine().registry().members(Requests.group(ctx))) {
      members.add(member.id().value());
    }
    report(ctx, session, labels, ReportSource.Kind.STATEMENT, null, labels.get("statement"), message, members);
  }

  private void report(Context ctx, Session session, Labels labels, ReportSource.Kind kind, String member,
      String title, String message, List<String> members) {
    report(ctx, session, labels, kind, member, title, message, members, Map.of());
  }

  private void report(Context ctx, Session session, Labels labels, ReportSource.Kind kind, String member,
      String title, String message, List<String> members, Map<String, String> reportOptions) {
    BookId code = Requests.group(ctx);
    Map<String, String> options = new LinkedHashMap<>(reportOptions);
    options.put("lang", session.language().code());
    String fragment;
    try {
      fragment = reports.html(books.store(), new ReportSource.Query(kind, code.value(), member, options, false,
          !Access.maySeeNames(session.user())));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("query", e.getMessage());
    }
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome(title + " " + code.value(), labels, session, code.value()));
    model.put("message", message);
    model.put("fragment", fragment);
    model.put("members", members);
    render(ctx, 200, "report.jte", model);
  }

  /** The meeting sheet of a day, the command line's HTML in the pages' layout, as the form's GET guards it. */
  private void meetingSheet(Context ctx, Session session, Labels labels) {
    LocalDate date = date(ctx.pathParam("date"));
    report(ctx, session, labels, ReportSource.Kind.MEETING_SHEET, null, labels.get("meeting_sheet"), null,
        List.of(), Map.of("date", date.toString()));
  }

  private void meetingForm(Context ctx, Session session, Labels labels) {
    BookId code = Requests.group(ctx);
    LocalDate date = date(Optional.ofNullable(ctx.queryParam("date")).orElse(LocalDate.now().toString()));
    MeetingPage page = MeetingForm.prefilled(books.store().engine(), code, date, UUID.randomUUID().toString());
    meetingPage(ctx, session, labels, page, 200);
  }

  private void recordMeeting(Context ctx, Session session, Labels labels) {
    BookId code = Requests.group(ctx);
    String key = Optional.ofNullable(ctx.formParam("key")).orElse("");
    if (key.isEmpty() || key.length() > 64) {
      throw new BadRequest("key", "the form has no idempotency key");
    }
    LocalDate date = date(Optional.ofNullable(ctx.formParam("date")).orElse(""));
    if (books.sessions().submitted(key, code.value()).isPresent()) {
      // a second submit of the same form (a double tap, a reload): answered, nothing recorded
      ctx.status(303).header("Location", "/groups/" + code.value() + "?recorded=" + key + "&repeat=true");
      return;
    }
    MeetingForm.Outcome outcome = MeetingForm.record(books.store().engine(), code, date, key,
        ctx.formParamMap(), labels);
    if (outcome.refused() != null) {
      meetingPage(ctx, session, labels, outcome.refused(), 422);
      return;
    }
    books.sessions().keepSubmission(key, session.user(), code.value(), date + " " + outcome.recorded());
    ctx.status(303).header("Location", "/groups/" + code.value() + "?recorded=" + key);
  }

  private void meetingPage(Context ctx, Session session, Labels labels, MeetingPage page, int status) {
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome(labels.get("record_meeting") + " " + page.group(), labels, session, page.group()));
    model.put("page", page);
    render(ctx, status, "meeting.jte", model);
  }

  private void unitPage(Context ctx, Session session, Labels labels) {
    UnitCode unit = Requests.unit(ctx);
    LedgerStore store = books.store();
    store.units().unit(unit);
    // a donor sees the indicators only: no group, no name, no id
    boolean showGrades = session.user().role() != Role.DONOR;
    List<GradeLine> grades = new ArrayList<>();
    if (showGrades) {
      LocalDate last = LocalDate.now();
      for (Scorecard card : new Grading(store.units()).scorecards(unit, last.minusYears(1).plusDays(1), last,
          GradingPolicy.defaults())) {
        grades.add(new GradeLine(card.group().value(), card.name(), card.meetingsHeld() + "/" + card.meetingsExpected(),
            card.score().toPlainString(), card.grade().name(), card.linkage().eligible()));
      }
    }
    Map<String, String> options = Map.of("lang", session.language().code());
    String indicators = reports.html(store, new ReportSource.Query(ReportSource.Kind.INDICATORS, unit.value(), null,
        options, false, true));
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", chrome(labels.get("unit") + " " + unit.value(), labels, session, null));
    model.put("unit", unit.value());
    model.put("grades", grades);
    model.put("showGrades", showGrades);
    model.put("indicators", indicators);
    render(ctx, 200, "unit.jte", model);
  }

  private void message(Context ctx, Session session, int status, String titleKey, String message) {
    Labels labels = labels(session);
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", session == null
        ? new Chrome(labels.get(titleKey), labels, null, null, null, null)
        : chrome(labels.get(titleKey), labels, session, null));
    model.put("message", message);
    render(ctx, status, "message.jte", model);
  }

  private void render(Context ctx, int status, String template, Map<String, Object> model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    ctx.status(status).contentType(HTML).result(out.toString());
  }

  private static Chrome chrome(String title, Labels labels, Session session, String group) {
    return new Chrome(title, labels, session.user().name(), session.user().role().word(), session.csrf(), group);
  }

  private static Labels labels(Session session) {
    return Labels.of(session == null ? "en" : session.language().code());
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest("date", "a date is yyyy-mm-dd, not '" + text + "'");
    }
  }

}
