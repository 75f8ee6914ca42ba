package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the program prints, pinned byte for byte: the demo, and every report and export of the
 * seed books and of a small book that lives a whole cycle (a year end, a distribution of surplus,
 * a member's exit, a correction, a share-out). A refactoring must leave them all unchanged; a
 * change that means to alter an output updates the files under {@code src/test/resources/golden/}
 * on purpose, with {@code mvn test -Dtest=GoldenOutputTest -Dgolden.update=true} run in ledger-cli,
 * and the diff shows a reviewer exactly what changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenOutputTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final int LONGEST_KEPT_WHOLE = 64 * 1024;

  private String seeds;
  private String cycle;

  @BeforeAll
  void buildBooks(@TempDir Path dir) {
    seeds = dir.resolve("seeds.db").toString();
    for (SeedBooks.Seed seed : SeedBooks.groups()) {
      SeedBooks.build(seed, Path.of(seeds));
    }
    cycle = dir.resolve("cycle.db").toString();
    for (String[] command : cycleCommands()) {
      Run run = Run.shg(withDb(command, cycle));
      if (run.exitCode() != ExitCodes.OK) {
        fail(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.err());
      }
    }
  }

  /** A group's whole cycle, through the commands a treasurer types. */
  static List<String[]> cycleCommands() {
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"group", "create", "GOLD", "--name", "Golden Mahila Samooh", "--formed", "2024-04-01", "--monthly-savings", "100"});
    for (String member : List.of("M01", "M02", "M03")) {
      commands.add(new String[] {"member", "add", "GOLD", member, "--name", "Member " + member, "--joined", "2024-04-01"});
    }
    commands.add(new String[] {"save", "GOLD", "M01", "--amount", "1000", "--date", "2024-04-10"});
    commands.add(new String[] {"save", "GOLD", "M02", "--amount", "2000", "--date", "2024-04-10"});
    commands.add(new String[] {"save", "GOLD", "M03", "--amount", "500", "--date", "2024-04-10"});
    commands.add(new String[] {"save", "GOLD", "M03", "--amount", "250", "--date", "2024-04-10", "--kind", "voluntary"});
    commands.add(new String[] {"grant", "GOLD", "--amount", "1500", "--date", "2024-04-12", "--channel", "cash"});
    commands.add(new String[] {"bank", "deposit", "GOLD", "--amount", "2000", "--date", "2024-04-15"});
    commands.add(new String[] {"loan", "disburse", "GOLD", "M02", "--amount", "1200", "--date", "2024-05-10",
        "--monthly-rate", "2", "--method", "emi", "--instalments", "4"});
    commands.add(new String[] {"loan", "repay", "GOLD", "M02", "--amount", "600", "--date", "2024-06-10"});
    commands.add(new String[] {"fine", "GOLD", "M01", "--amount", "10", "--date", "2024-06-10"});
    commands.add(new String[] {"fine", "GOLD", "M03", "--amount", "20", "--date", "2024-06-10"});
    commands.add(new String[] {"reverse", "GOLD", "GOLD-2024-06-10-FINE-M03", "--reason", "entered by mistake"});
    commands.add(new String[] {"bank", "interest", "GOLD", "--amount", "12.50", "--date", "2024-09-30"});
    commands.add(new String[] {"bank", "charges", "GOLD", "--amount", "5.90", "--date", "2024-09-30"});
    commands.add(new String[] {"expense", "GOLD", "--amount", "45", "--description", "register", "--date", "2024-10-10"});
    // pays the loan off: the principal left and the interest of the days used (issue 14; 660.61,
    // with October's period charged in full, before)
    commands.add(new String[] {"loan", "repay", "GOLD", "M02", "--amount", "654.91", "--date", "2024-10-10"});
    commands.add(new String[] {"year-end", "GOLD", "--date", "2025-03-31"});
    commands.add(new String[] {"distribute-surplus", "GOLD", "--amount", "20", "--date", "2025-04-05"});
    commands.add(new String[] {"member", "exit", "GOLD", "M03", "--date", "2025-04-10"});
    commands.add(new String[] {"share-out", "GOLD", "--date", "2025-05-10"});
    return commands;
  }

  /** Each output, by the name of its golden file. */
  private Map<String, String[]> outputs() {
    Map<String, String[]> outputs = new LinkedHashMap<>();
    outputs.put("demo", new String[] {"demo"});
    for (String group : List.of("SHG01", "SHG02", "SHG03")) {
      String lower = group.toLowerCase();
      outputs.put(lower + "-statement", withDb(new String[] {"statement", group}, seeds));
      for (String format : List.of("csv", "json", "html")) {
        outputs.put(lower + "-statement-" + format, withDb(new String[] {"statement", group, "--format", format}, seeds));
      }
      outputs.put(lower + "-trial-balance", withDb(new String[] {"trial-balance", group, "--members"}, seeds));
      outputs.put(lower + "-passbook-m01", withDb(new String[] {"passbook", group, "M01"}, seeds));
      outputs.put(lower + "-passbook-m02", withDb(new String[] {"passbook", group, "M02"}, seeds));
      outputs.put(lower + "-loans", withDb(new String[] {"loans", group, "--as-of", "2027-03-31"}, seeds));
      outputs.put(lower + "-bank-account", withDb(new String[] {"account", group, "1100", "--entries"}, seeds));
      outputs.put(lower + "-grade", withDb(new String[] {"grade", group, "--from", "2024-04-01", "--to", "2025-03-31"}, seeds));
      for (String format : List.of("hledger", "ledger", "gl-csv", "trial-balance-csv", "tally-xml")) {
        outputs.put(lower + "-export-" + format, withDb(new String[] {"export", group, "--format", format}, seeds));
      }
    }
    // the meeting sheet (issue 17): a meeting with three loans' instalments due, as text and as
    // the register to import
    outputs.put("shg01-meeting-sheet", withDb(new String[] {"meeting", "sheet", "SHG01", "--date", "2024-11-10"}, seeds));
    outputs.put("shg01-meeting-sheet-csv", withDb(new String[] {"meeting", "sheet", "SHG01", "--date", "2024-11-10", "--format", "csv"}, seeds));
    outputs.put("gold-statement", withDb(new String[] {"statement", "GOLD", "--from", "2024-04-01", "--to", "2025-05-31"}, cycle));
    outputs.put("gold-statement-year-one", withDb(new String[] {"statement", "GOLD", "--from", "2024-04-01", "--to", "2025-03-31"}, cycle));
    for (String member : List.of("M01", "M02", "M03")) {
      outputs.put("gold-passbook-" + member.toLowerCase(), withDb(new String[] {"passbook", "GOLD", member}, cycle));
    }
    outputs.put("gold-trial-balance", withDb(new String[] {"trial-balance", "GOLD", "--members", "--as-of", "2025-04-30"}, cycle));
    outputs.put("gold-grade", withDb(new String[] {"grade", "GOLD", "--from", "2024-04-01", "--to", "2025-03-31"}, cycle));
    outputs.put("gold-member-list", withDb(new String[] {"member", "list", "GOLD", "--as-of", "2025-05-31"}, cycle));
    for (String format : List.of("hledger", "ledger", "gl-csv", "tally-xml")) {
      outputs.put("gold-export-" + format, withDb(new String[] {"export", "GOLD", "--format", format}, cycle));
    }
    return outputs;
  }

  @Test
  void everyOutputIsAsPinned() {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String[]> output : outputs().entrySet()) {
      Run run = Run.shg(output.getValue());
      String actual = pinned("exit " + run.exitCode() + "\n" + run.out()
          + (run.err().isEmpty() ? "" : "--- stderr\n" + run.err()));
      Path file = GOLDEN.resolve(output.getKey() + ".txt");
      if (UPDATE) {
        write(file, actual);
      } else if (!actual.equals(read(file))) {
        changed.add(output.getKey() + " (" + String.join(" ", output.getValue()).replace(seeds, "SEEDS.db")
            .replace(cycle, "CYCLE.db") + ")");
      }
    }
    assertEquals(List.of(), changed, "outputs that differ from src/test/resources/golden/");
  }

  /**
   * What is kept of an output: the output itself, or for a long one (a multi-year export) its
   * SHA-256 and length, so that the repository stays small; rerun with the update flag and diff
   * the outputs by hand to see how a long one changed.
   */
  private static String pinned(String output) {
    byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= LONGEST_KEPT_WHOLE) {
      return output;
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return "sha256 " + java.util.HexFormat.of().formatHex(hash) + ", " + bytes.length + " bytes\n";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A command of {@code shg} with {@code --db DB} after it. */
  static String[] withDb(String[] command, String db) {
    String[] withDb = new String[command.length + 2];
    System.arraycopy(command, 0, withDb, 0, command.length);
    withDb[command.length] = "--db";
    withDb[command.length + 1] = db;
    return withDb;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no golden file " + file + ")";
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
