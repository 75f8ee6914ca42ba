package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.server.Language;
import org.shgledger.server.LedgerServer;
import org.shgledger.server.Role;
import org.shgledger.server.ServerBooks;
import org.shgledger.server.User;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;

/**
 * The coordinators' pages of {@code shg serve} in a real browser: Debian's headless Chromium,
 * driven by Selenium through {@code /usr/bin/chromedriver} (named, so Selenium never looks for or
 * downloads a driver). A coordinator signs in, opens her group's statement, records a meeting
 * through the form and sees the statement change, with the same figures as {@code shg statement
 * --format html}; she cannot open another unit's group; five wrong passwords lock a name.
 *
 * <p>Skipped, with the reason, where chromium or chromedriver is not installed; with {@code
 * SHG_REQUIRE_CHROMIUM=1} (as {@code .ci/run} sets it) it fails instead. It saves screenshots of
 * the statement and the meeting form in {@code target/screenshots/}, and in the folder the system
 * property {@code shg.screenshots} names, for docs/ ({@code -Dshg.screenshots=../docs}).
 */
class PagesBrowserTest {

  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String CHROMIUM = "/usr/bin/chromium";

  @TempDir Path folder;

  @Test
  void aCoordinatorRecordsAMeetingInTheBrowserAndCannotOpenAnotherUnitsGroup() throws Exception {
    ExternalTools.require("chromium", "SHG_REQUIRE_CHROMIUM", "the pages in a browser",
        "apt-get install chromium chromium-driver");
    ExternalTools.require("chromedriver", "SHG_REQUIRE_CHROMIUM", "the pages in a browser",
        "apt-get install chromium-driver");
    Path file = folder.resolve("shg.db");
    ReportBooks.record(file);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (ServerBooks books = ServerBooks.open("jdbc:sqlite:" + file, DateLimits.standard(), Clock.systemUTC())) {
      String password = fill(books);
      // plain HTTP on loopback: a browser sends a Secure cookie over HTTPS only
      try (LedgerServer server = LedgerServer.start(books, new ServeCommand.Reports(), "127.0.0.1", 0,
          new PrintStream(log, true, StandardCharsets.UTF_8), false)) {
        WebDriver browser = browser();
        try {
          walk(browser, "http://127.0.0.1:" + server.port(), file, password);
        } finally {
          browser.quit();
        }
      }
    }
  }

  private void walk(WebDriver browser, String base, Path file, String password) throws Exception {
    // not signed in: the sign-in page
    browser.get(base + "/groups/SHG01");
    assertTrue(browser.getCurrentUrl().endsWith("/sign-in"), browser.getCurrentUrl());
    signIn(browser, "meena", password);
    assertEquals(base + "/", browser.getCurrentUrl());
    WebElement groups = browser.findElement(By.id("groups"));
    assertTrue(groups.getText().contains("SHG01"), groups.getText());
    assertFalse(groups.getText().contains("SHG02"), "SHG02 is in WEST, not under her EAST");

    navigate(browser, By.linkText("SHG01"));
    String before = browser.findElement(By.cssSelector("div.report")).getText();
    assertTrue(before.contains(ReportBooks.NAME), before);
    screenshot(browser, "server-statement.png");

    // the form starts from the meeting sheet (issue 17): the treasurer types over what differed
    browser.get(base + "/groups/SHG01/meetings/new?date=2025-07-05");
    for (String member : List.of("M01", "M02", "M03")) {
      type(browser, "savings." + member, "100");
    }
    type(browser, "repaid.M02.L-M02-1", "50");
    browser.findElement(By.name("present.M03")).click();
    type(browser, "fine.M03", "10");
    // typing may have scrolled the table sideways on a narrow screen; the picture shows it whole
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);"
        + "document.querySelectorAll('.scroll').forEach(e => e.scrollLeft = 0)");
    screenshot(browser, "server-meeting.png");
    navigate(browser, By.id("record"));

    assertTrue(browser.getCurrentUrl().startsWith(base + "/groups/SHG01?recorded="), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("message")).getText().contains("The meeting of 2025-07-05 was recorded"));
    String after = browser.findElement(By.cssSelector("div.report")).getText();
    assertNotEquals(before, after, "the statement shows the meeting");
    assertTrue(after.contains("2025-07-05"), after);

    // the page's report is the command line's, figure for figure
    String session = browser.manage().getCookieNamed("shg_session").getValue();
    String page = fetch(base + "/groups/SHG01", session);
    String cli = Run.shg("statement", "SHG01", "--format", "html", "--db", file.toString()).out();
    String body = cli.substring(cli.indexOf('>', cli.indexOf("<body")) + 2, cli.indexOf("</body>"));
    assertTrue(page.contains(body), "the page holds shg statement --format html's body");

    // back to the form and send it again: its key (or, from a reloaded form, the register's own
    // entry ids) records it once
    browser.navigate().back();
    if (browser.getCurrentUrl().contains("/meetings/new")) {
      navigate(browser, By.id("record"));
      String message = browser.findElement(By.id("message")).getText();
      assertTrue(message.contains("recorded already") || message.contains(": 0 entries"), message);
      assertEquals(after, browser.findElement(By.cssSelector("div.report")).getText());
    }

    // a meeting the books refuse: the form again, with the engine's reason, and nothing recorded
    browser.get(base + "/groups/SHG01/meetings/new?date=2025-07-12");
    type(browser, "repaid.M02.L-M02-1", "99999");
    navigate(browser, By.id("record"));
    String refusal = browser.findElement(By.id("refusal")).getText();
    assertTrue(refusal.contains("REPAYMENT_EXCEEDS_DEBT") && refusal.contains("nothing was recorded"), refusal);
    screenshot(browser, "server-meeting-refused.png", false);
    assertEquals(after, fetchReportText(browser, base));

    // her unit: the grading table and the indicators
    browser.get(base + "/units/EAST");
    assertTrue(browser.findElement(By.id("grades")).getText().contains("SHG01"));
    screenshot(browser, "server-unit.png", false);
    browser.get(base + "/");
    screenshot(browser, "server-home.png", false);

    // another unit's group
    browser.get(base + "/groups/SHG02");
    assertTrue(browser.findElement(By.id("message")).getText().contains("Your role does not allow this page."));

    // signing out, then five wrong passwords lock the name, and the right one then waits too
    browser.get(base + "/");
    navigate(browser, By.id("sign-out"));
    assertTrue(browser.getCurrentUrl().endsWith("/sign-in"));
    for (int attempt = 1; attempt <= 5; attempt++) {
      signIn(browser, "meena", "wrong-" + attempt);
    }
    assertTrue(browser.findElement(By.id("message")).getText().contains("locked"),
        browser.findElement(By.id("message")).getText());
    signIn(browser, "meena", password);
    assertTrue(browser.getCurrentUrl().endsWith("/sign-in"), "still locked");
  }

  /** Units EAST (with SHG01) and WEST (with SHG02, whose name is HTML), and coordinator meena of EAST. */
  private static String fill(ServerBooks books) {
    books.store().units().createUnit(Unit.top(UnitCode.of("NGO"), "The NGO"));
    books.store().units().createUnit(Unit.under(UnitCode.of("EAST"), "East", UnitCode.of("NGO")));
    books.store().units().createUnit(Unit.under(UnitCode.of("WEST"), "West", UnitCode.of("NGO")));
    books.store().units().addGroup(UnitCode.of("EAST"), ReportBooks.SHG);
    CurrencyUnit inr = CurrencyUnit.of("INR");
    books.store().engine().createGroup(new Group(BookId.of("SHG02"), "<script>alert(1)</script>", inr,
        LocalDate.of(2025, 3, 1), MeetingFrequency.MONTHLY, Money.of(inr, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
        Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 10)));
    books.store().units().addGroup(UnitCode.of("WEST"), BookId.of("SHG02"));
    return books.users().add(new User("meena", Role.COORDINATOR, Optional.of(UnitCode.of("EAST")), Optional.empty()),
        true, Language.EN).password();
  }

  private static void signIn(WebDriver browser, String name, String password) {
    if (!browser.getCurrentUrl().endsWith("/sign-in")) {
      throw new AssertionError("not on the sign-in page: " + browser.getCurrentUrl());
    }
    browser.findElement(By.id("name")).clear();
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    navigate(browser, By.id("submit"));
  }

  /**
   * Clicks a link or a form's button and waits until the browser has left the page: a click returns
   * before the next page has loaded, and looking for an element then may find the old page's (a
   * stale element) or none.
   */
  private static void navigate(WebDriver browser, By by) {
    WebElement html = browser.findElement(By.tagName("html"));
    browser.findElement(by).click();
    // the old page's root is gone once the next page has replaced it; Chromium says so either as a
    // stale element or as a node that "does not belong to the document"
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
      try {
        html.isEnabled();
        return false;
      } catch (WebDriverException gone) {
        return true;
      }
    });
  }

  private WebDriver browser() throws IOException {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-dev-shm-usage", "--window-size=600,900", "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory(folder, "chromium-"));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Types into a form's field over what it held (the form comes filled in from the meeting sheet). */
  private static void type(WebDriver browser, String field, String text) {
    WebElement input = browser.findElement(By.name(field));
    input.clear();
    input.sendKeys(text);
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    screenshot(browser, name, true);
  }

  private static void screenshot(WebDriver browser, String name, boolean forDocs) throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name), png);
    String docs = System.getProperty("shg.screenshots");
    if (forDocs && docs != null && !docs.isBlank()) {
      Files.write(Path.of(docs).resolve(name), png);
    }
  }

  private static String fetchReportText(WebDriver browser, String base) {
    browser.get(base + "/groups/SHG01");
    return browser.findElement(By.cssSelector("div.report")).getText();
  }

  private static String fetch(String url, String session) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", "shg_session=" + session).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    return response.body();
  }
}
