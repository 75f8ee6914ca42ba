package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal {@code shg export} writes, read by the real hledger and Ledger: it passes their
 * checks, its balance assertions hold, and they report the same balances as {@code shg
 * trial-balance}. Skipped where the tools are not installed, unless {@code SHG_REQUIRE_HLEDGER=1}
 * (as {@code .ci/run} sets), which makes a missing tool a failure.
 */
class PlainTextAccountingRoundTripTest {

  private static final Pattern AMOUNT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?) INR");

  @TempDir static Path dir;
  static Path db;
  /** Code to debit-minus-credit, from {@code shg trial-balance --members --format csv}. */
  static Map<String, BigDecimal> trialBalance;

  @BeforeAll
  static void books() throws IOException {
    db = dir.resolve("shg.db");
    ReportBooks.record(db);
    trialBalance = new TreeMap<>();
    Run run = Run.shg("trial-balance", "SHG01", "--db", db.toString(), "--members", "--format", "csv");
    for (CSVRecord row : ExportCommandTest.csv(run.out())) {
      trialBalance.put(row.get("code"), new BigDecimal(row.get("debit")).subtract(new BigDecimal(row.get("credit"))));
    }
  }

  @Test
  void hledgerChecksTheJournalAndReportsTheTrialBalance() throws Exception {
    requireTool("hledger");
    Path journal = export("hledger");

    assertEquals("", run("hledger", "-f", journal.toString(), "check", "--strict", "ordereddates").orElseFail());
    // leaf accounts, each on its own: the sub-ledgers and the ordinary accounts
    assertEquals(leaves(), parseHledgerCsv(
        run("hledger", "-f", journal.toString(), "balance", "--flat", "--no-total", "-O", "csv").orElseFail()));
    // two levels deep, each account with its sub-ledgers: the trial balance without --members
    assertEquals(topLevel(), parseHledgerCsv(
        run("hledger", "-f", journal.toString(), "balance", "--flat", "--depth", "2", "--no-total", "-O", "csv")
            .orElseFail()));
  }

  @Test
  void hledgerRefusesTheJournalWhenABalanceAssertionIsWrong() throws Exception {
    requireTool("hledger");
    Path journal = export("hledger");
    Path tampered = dir.resolve("tampered.journal");
    String text = Files.readString(journal);
    Files.writeString(tampered, text.replace("0.00 INR = 300.00 INR", "0.00 INR = 301.00 INR"));
    assertNotEquals(text, Files.readString(tampered));

    Result result = run("hledger", "-f", tampered.toString(), "check");
    assertNotEquals(0, result.exitCode());
    assertTrue(result.err().contains("balance assertion"), result.err());
  }

  @Test
  void ledgerReadsTheJournalPedanticallyAndReportsTheTrialBalance() throws Exception {
    requireTool("ledger");
    Path journal = export("ledger");
    String format = "%(account)\\t%(display_total)\\n";

    assertEquals(leaves(), parseLedger(run("ledger", "-f", journal.toString(), "--pedantic", "--flat", "--no-total",
        "balance", "--balance-format", format).orElseFail()));
    // (Ledger 3.3's --flat with --depth leaves out accounts with no postings of their own, so the
    // tree, whose lines name accounts in full with this format; the type totals are left out)
    assertEquals(topLevel(), parseLedger(run("ledger", "-f", journal.toString(), "--pedantic", "--no-total",
        "--depth", "2", "balance", "--balance-format", format).orElseFail()));

    Path tampered = dir.resolve("tampered.ledger");
    Files.writeString(tampered, Files.readString(journal).replace("0.00 INR = 300.00 INR", "0.00 INR = 301.00 INR"));
    Result refused = run("ledger", "-f", tampered.toString(), "balance");
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.err().contains("Balance assertion off by"), refused.err());
  }

  // ---------------------------------------------------------------- helpers

  /** The trial balance's accounts that have no sub-ledger rows under them. */
  private static Map<String, BigDecimal> leaves() {
    Map<String, BigDecimal> leaves = new TreeMap<>(trialBalance);
    leaves.keySet().removeIf(code -> trialBalance.keySet().stream().anyMatch(other -> other.startsWith(code + ":")));
    return leaves;
  }

  /** The trial balance without --members. */
  private static Map<String, BigDecimal> topLevel() {
    Map<String, BigDecimal> top = new TreeMap<>(trialBalance);
    top.keySet().removeIf(code -> code.contains(":"));
    return top;
  }

  private static Path export(String format) {
    Path file = dir.resolve("shg01." + format);
    Run run = Run.shg("export", "SHG01", "--db", db.toString(), "--format", format, "--output", file.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    return file;
  }

  /** {@code Liabilities:2000 Members' compulsory savings:M01} is account 2000:M01. */
  private static String code(String account) {
    String[] levels = account.split(":");
    String code = levels[1].substring(0, levels[1].indexOf(' '));
    return levels.length > 2 ? code + ":" + levels[2] : code;
  }

  private static BigDecimal amount(String text) {
    Matcher matcher = AMOUNT.matcher(text);
    if (!matcher.find()) {
      fail("no INR amount in '" + text + "'");
    }
    return new BigDecimal(matcher.group(1));
  }

  private static Map<String, BigDecimal> parseHledgerCsv(String csv) throws IOException {
    Map<String, BigDecimal> balances = new TreeMap<>();
    for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv))) {
      balances.put(code(row.get("account")), amount(row.get("balance")));
    }
    return balances;
  }

  private static Map<String, BigDecimal> parseLedger(String text) {
    Map<String, BigDecimal> balances = new TreeMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.split("\t");
      if (parts[0].contains(":")) {
        balances.put(code(parts[0]), amount(parts[1]));
      }
    }
    return balances;
  }

  // ---------------------------------------------------------------- running the tools

  private record Result(int exitCode, String out, String err, List<String> command) {
    String orElseFail() {
      if (exitCode != 0) {
        fail(String.join(" ", command) + " exited " + exitCode + ":\n" + err + out);
      }
      return out;
    }
  }

  private static void requireTool(String tool) {
    ExternalTools.require(tool, "SHG_REQUIRE_HLEDGER", "the round trip", "apt-get install hledger ledger");
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // no user's configuration or default journal may change what the tools see
    builder.environment().remove("LEDGER_FILE");
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().put("LC_ALL", "C.UTF-8");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " took more than 60 seconds");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), new ArrayList<>(List.of(command)));
  }
}
