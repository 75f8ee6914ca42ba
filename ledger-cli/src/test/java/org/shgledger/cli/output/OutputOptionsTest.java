package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --format}, {@code --output} and {@code --lang} as a report command sees them. */
class OutputOptionsTest {

  /** A report command of the smallest kind: one table, one label. */
  @Command(name = "tiny", mixinStandardHelpOptions = true)
  static final class Tiny implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      Labels labels = output.labels();
      output.print(Report.builder("tiny", labels.get("report.trial_balance"))
          .add(Table.of("accounts", List.of(Column.text("code", labels.get("code")),
              Column.amount("debit", labels.get("debit"))),
              List.of(Row.of(Cell.text("1000"), Cell.amount(Sample.inr("100000"))))))
          .build());
      return 0;
    }
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    CommandLine commandLine = new CommandLine(new Tiny());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void textInEnglishToStandardOutputByDefault() {
    Result result = run();
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        Trial balance
        =============

        Code        Debit
        ----  -----------
        1000  1,00,000.00
        """, result.out());
  }

  @Test
  void eachFormatInAnyCase() {
    assertEquals("code,debit\r\n1000,100000.00\r\n", run("--format", "CSV").out());
    assertTrue(run("--format", "json").out().contains("\"debit\" : \"100000.00\""));
    assertTrue(run("--format", "html").out().startsWith("<!DOCTYPE html>"));
  }

  @Test
  void hindiLabels() {
    Result result = run("--lang", "hi");
    assertTrue(result.out().startsWith("तलपट\n"), result.out());
    assertTrue(result.out().contains("कोड"), result.out());
    assertTrue(result.out().contains("नामे"), result.out());
    // CSV headers are keys for programs and stay as they are
    assertEquals("code,debit\r\n1000,100000.00\r\n", run("--lang", "hi", "--format", "csv").out());
  }

  @Test
  void anUnknownFormatOrLanguageIsAUsageErrorNamingTheChoices() {
    Result format = run("--format", "pdf");
    assertEquals(2, format.exitCode());
    assertTrue(format.err().contains("'pdf' is not a format; use text, csv, json or html"), format.err());
    Result lang = run("--lang", "fr");
    assertEquals(2, lang.exitCode());
    assertTrue(lang.err().contains("use en (English), bn (Bengali, বাংলা) or hi (Hindi, हिन्दी)"), lang.err());
  }

  @Test
  void outputGoesToTheFileInsteadOfStandardOutput(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tb.csv");
    Result result = run("--format", "csv", "--output", file.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals("code,debit\r\n1000,100000.00\r\n", Files.readString(file));
  }

  @Test
  void withoutLangTheLocaleOfTheEnvironmentChoosesTheLanguage() {
    try {
      OutputOptions.environment = Map.of("LANG", "hi_IN.UTF-8")::get;
      assertTrue(run().out().startsWith("तलपट\n"), "LANG=hi_IN.UTF-8 is Hindi");
      assertTrue(run("--lang", "en").out().startsWith("Trial balance\n"), "--lang en always wins");
      assertTrue(run("--lang", "bn").out().startsWith("রেওয়ামিল\n"), "as any --lang does");

      OutputOptions.environment = Map.of("LANG", "bn_BD.UTF-8")::get;
      assertTrue(run().out().startsWith("রেওয়ামিল\n"), "bn_BD is Bengali");
    } finally {
      OutputOptions.environment = System::getenv;
    }
  }

  @Test
  void theLocaleIsReadInPosixOrderLcAllThenLcMessagesThenLang() {
    assertEquals(Lang.HI, Lang.ofEnvironment(Map.of("LC_ALL", "hi_IN", "LC_MESSAGES", "bn_IN", "LANG", "en_IN")::get));
    assertEquals(Lang.BN, Lang.ofEnvironment(Map.of("LC_MESSAGES", "bn_IN.UTF-8", "LANG", "hi_IN")::get));
    assertEquals(Lang.HI, Lang.ofEnvironment(Map.of("LANG", "hi_IN")::get));
    assertEquals(Lang.HI, Lang.ofEnvironment(Map.of("LC_ALL", "", "LANG", "hi_IN")::get), "an empty variable is not set");
    assertEquals(Lang.EN, Lang.ofEnvironment(Map.of("LC_ALL", "C", "LANG", "hi_IN")::get), "the first set one decides");
  }

  @Test
  void aLocaleWithoutLabelsAndNoLocaleAreEnglish() {
    assertEquals(Lang.EN, Lang.ofEnvironment(name -> null));
    assertEquals(Lang.EN, Lang.ofEnvironment(Map.of("LANG", "C.UTF-8")::get));
    assertEquals(Lang.EN, Lang.ofEnvironment(Map.of("LANG", "POSIX")::get));
    assertEquals(Lang.EN, Lang.ofEnvironment(Map.of("LANG", "fr_FR.UTF-8")::get));
    assertEquals(Lang.EN, Lang.ofEnvironment(Map.of("LANG", "en_IN@euro")::get));
  }

  @Test
  void theTestsThemselvesRunInAnEnglishLocale() {
    // the build pins LANG and removes LC_ALL and LC_MESSAGES (ledger-cli/pom.xml), so that the
    // tests and golden outputs pass on a machine whose locale is Hindi or Bengali
    assertEquals(Lang.EN, Lang.ofEnvironment(System::getenv));
  }
}
