package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.JsonRenderer;

/**
 * The JSON contract (docs/formats.md#json): every kind of report, rendered as JSON from the seed
 * books, names its contract first ({@code "schema" : "shg.<report>/1"}) and is valid against
 * {@code docs/schemas/shg.<report>.schema.json}, checked by a JSON Schema validator rather than by
 * hand so that the schemas an NGO system validates with are the ones the program is held to. A
 * report kind added to the program without a schema, or a schema left for a kind that is gone,
 * fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonSchemaContractTest {

  private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern KIND = Pattern.compile("Report\\.builder\\(\"([a-z0-9-]+)\"");

  private String db;
  private String targets;

  @BeforeAll
  void seedBooksWithABearerAndUnits(@TempDir Path dir) {
    db = dir.resolve("seeds.db").toString();
    for (SeedBooks.Seed seed : SeedBooks.groups()) {
      SeedBooks.build(seed, Path.of(db));
    }
    // the seeds hold no office bearers and no units: the listings of those need one each
    ok("bearer", "elect", "SHG01", "M02", "--role", "treasurer", "--from", "2024-04-01", "--to", "2025-03-31");
    ok("unit", "create", "FED", "--name", "Federation");
    ok("unit", "create", "CL1", "--name", "Cluster", "--parent", "FED");
    ok("unit", "add-group", "CL1", "SHG01");
    ok("unit", "add-group", "CL1", "SHG02");
    ok("unit", "add-group", "FED", "SHG03");
    // nor children or trainings: one child with a status, one without, and a session
    ok("child", "add", "SHG01", "M01", "--born", "2016", "--status", "enrolled", "--date", "2025-04-01");
    ok("child", "add", "SHG01", "M02", "--born", "2012", "--status", "dropped-out", "--date", "2025-04-01");
    ok("training", "record", "SHG01", "--topic", "orientation", "--date", "2025-04-10", "--attendees", "M01,M03");
    // incidents, so that the counts have values and withheld cells
    List<String> types = List.of("trafficking", "trafficking", "missing-girl", "rape", "trafficking", "trafficking");
    for (int i = 0; i < types.size(); i++) {
      ok("incident", "record", "SHG01", "--date", "2025-04-05", "--type", types.get(i), "--status", "referred",
          "--referred-to", "police", "--age-band", "12-17", "--id", "INC-" + (i + 1));
    }
    // activities of six members with recent readings (a median shown) and one of a kind too few to show
    for (int n = 1; n <= 6; n++) {
      ok("livelihood", "record", "SHG01", "M0" + n, "--activity", "tailoring", "--started", "2025-01-15",
          "--monthly-income", String.valueOf(1000 * n));
    }
    ok("livelihood", "record", "SHG01", "M07", "--activity", "livestock", "--started", "2025-01-15");
    ok("livelihood", "update", "SHG01", "M07-A1", "--monthly-income", "800", "--date", "2025-06-01");
    // outreach of the month before 30 June 2025, with signatures and without
    ok("outreach", "record", "FED", "--date", "2025-06-14", "--kind", "rally", "--reached", "1200", "--groups", "SHG01");
    ok("outreach", "record", "CL1", "--date", "2025-06-20", "--kind", "petition", "--reached", "300",
        "--signatures", "1250");
    // targets fill the indicators' target and percent columns, empty without them
    Path file = dir.resolve("targets.txt");
    try {
      Files.writeString(file, "groups = 200\nmembers = 3,000\namount_lent = 1,00,000\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    targets = file.toString();
  }

  /** Each kind of report, by the commands that print it as JSON (one or more books each). */
  private Map<String, List<String[]>> reports() {
    Map<String, List<String[]>> reports = new LinkedHashMap<>();
    for (String group : List.of("SHG01", "SHG02", "SHG03")) {
      add(reports, "statement", "statement", group);
      add(reports, "statement", "statement", group, "--names", "--from", "2024-04-01", "--to", "2025-03-31");
      add(reports, "trial-balance", "trial-balance", group, "--members");
      add(reports, "trial-balance", "trial-balance", group);
      add(reports, "passbook", "passbook", group, "M01");
      add(reports, "passbook", "passbook", group, "M02", "--names");
      add(reports, "loans", "loans", group, "--as-of", "2027-03-31");
      add(reports, "account", "account", group, "1100", "--entries");
      add(reports, "account", "account", group, "1000");
      add(reports, "grades", "grade", group, "--from", "2024-04-01", "--to", "2025-03-31");
      add(reports, "member-list", "member", "list", group);
    }
    add(reports, "meeting-sheet", "meeting", "sheet", "SHG01", "--date", "2024-11-10");
    add(reports, "meeting-sheet", "meeting", "sheet", "SHG02", "--date", "2023-03-10", "--lang", "bn");
    add(reports, "group-list", "group", "list");
    add(reports, "bearer-list", "bearer", "list", "SHG01");
    add(reports, "loan", "loan", "show", "SHG01", "M03", "--as-of", "2024-12-31");
    add(reports, "unit-list", "unit", "list");
    add(reports, "unit", "unit", "show", "CL1");
    add(reports, "unit", "unit", "show", "FED");
    add(reports, "unit-statement", "unit", "statement", "FED", "--from", "2024-04-01", "--to", "2025-03-31");
    add(reports, "grades", "grade", "FED", "--from", "2024-04-01", "--to", "2025-03-31");
    add(reports, "programme-indicators", "indicators", "FED", "--as-of", "2025-06-30");
    add(reports, "programme-indicators", "indicators", "--groups", "SHG01,SHG03", "--as-of", "2025-06-30");
    add(reports, "programme-indicators", "indicators", "FED", "--targets", targets, "--suppress-below", "1");
    add(reports, "programme-indicators", "indicators", "FED", "--targets", "commitment", "--as-of", "2025-06-30");
    add(reports, "programme-commitment", "commitment", "FED", "--as-of", "2025-06-30");
    add(reports, "programme-commitment", "commitment", "--groups", "SHG01", "--as-of", "2025-06-30", "--targets", targets,
        "--suppress-below", "1", "--lang", "bn");
    add(reports, "programme-incidents", "incidents", "FED", "--from", "2025-01-01", "--to", "2025-06-30");
    add(reports, "programme-incidents", "incidents", "--groups", "SHG01", "--by-group", "--suppress-below", "1",
        "--from", "2025-04-01", "--to", "2025-04-30");
    add(reports, "livelihood-list", "livelihood", "list", "SHG01", "--as-of", "2025-06-30");
    add(reports, "livelihood-list", "livelihood", "list", "SHG02");
    add(reports, "outreach-list", "outreach", "list", "FED", "--from", "2025-01-01", "--to", "2025-06-30");
    add(reports, "outreach-list", "outreach", "list", "CL1", "--lang", "hi");
    add(reports, "loan-schedule", LoanScheduleCommandTest.FLAT_EXAMPLE);
    add(reports, "loan-schedule", LoanScheduleCommandTest.EMI_EXAMPLE);
    add(reports, "child-list", "child", "list", "SHG01", "--as-of", "2025-06-30");
    add(reports, "child-list", "child", "list", "SHG01", "--as-of", "2025-03-31");
    add(reports, "child-list", "child", "list", "SHG02");
    add(reports, "training-list", "training", "list", "SHG01");
    add(reports, "training-list", "training", "list", "SHG02");
    add(reports, "loan", "loan", "show", "SHG01", "M03", "--as-of", "2024-12-31", "--lang", "hi");
    add(reports, "member-list", "member", "list", "SHG01", "--lang", "bn");
    // the contract does not depend on the language: keys stay English, only words change
    add(reports, "statement", "statement", "SHG01", "--lang", "hi");
    add(reports, "statement", "statement", "SHG01", "--lang", "bn");
    add(reports, "trial-balance", "trial-balance", "SHG02", "--members", "--lang", "bn");
    return reports;
  }

  private static void add(Map<String, List<String[]>> reports, String kind, String... command) {
    reports.computeIfAbsent(kind, k -> new ArrayList<>()).add(command);
  }

  @Test
  void everyJsonOutputNamesItsContractFirstAndKeepsIt() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> report : reports().entrySet()) {
      String kind = report.getKey();
      Schema schema = registry.getSchema(read(schemaFile(kind)), InputFormat.JSON);
      for (String[] command : report.getValue()) {
        String json = json(command);
        String named = "{\n  \"schema\" : \"" + JsonRenderer.schema(kind) + "\",\n  \"report\" : \"" + kind + "\",";
        if (!json.startsWith(named)) {
          problems.add(String.join(" ", command) + ": does not start " + named);
        }
        for (Error error : schema.validate(json, InputFormat.JSON)) {
          problems.add(String.join(" ", command) + ": " + error);
        }
      }
    }
    assertEquals(List.of(), problems, "JSON outputs that break their schema in docs/schemas/");
  }

  @Test
  void everyKindOfReportHasASchemaAndEverySchemaAReport() throws IOException {
    Set<String> kinds = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher kind = KIND.matcher(line);
          // a Javadoc example is not a report the program prints
          if (kind.find() && !line.strip().startsWith("*")) {
            kinds.add(kind.group(1));
          }
        }
      }
    }
    assertEquals(kinds, new TreeSet<>(reports().keySet()), "report kinds in the program and in this test");
    Set<String> schemas = new TreeSet<>();
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        assertTrue(name.startsWith("shg.") && name.endsWith(".schema.json"), "not a report schema: " + file);
        schemas.add(name.substring("shg.".length(), name.length() - ".schema.json".length()));
      }
    }
    assertEquals(kinds, schemas, "report kinds in the program and schemas in docs/schemas/");
  }

  @Test
  void eachSchemaIsDraft2020AndPinsTheSchemaField() {
    for (String kind : reports().keySet()) {
      String schema = read(schemaFile(kind));
      assertTrue(schema.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), kind);
      assertTrue(schema.contains("\"const\": \"" + JsonRenderer.schema(kind) + "\""), kind);
    }
  }

  private static Path schemaFile(String kind) {
    return SCHEMAS.resolve("shg." + kind + ".schema.json");
  }

  private String json(String[] command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--format", "json"));
    if (!command[0].equals("loan-schedule")) {
      args.addAll(List.of("--db", db));
    }
    Run run = Run.shg(LoanScheduleCommandTest::register, args.toArray(String[]::new));
    if (run.exitCode() != ExitCodes.OK) {
      fail(String.join(" ", args) + " exited " + run.exitCode() + ": " + run.err());
    }
    return run.out();
  }

  private void ok(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--db", db));
    Run run = Run.shg(args.toArray(String[]::new));
    if (run.exitCode() != ExitCodes.OK) {
      fail(String.join(" ", args) + " exited " + run.exitCode() + ": " + run.err());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
