package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.shgledger.money.MoneyFormats;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BenchPassbook;
import org.shgledger.sample.SampleGroup;
import org.shgledger.sample.SampleGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shg generate}: writes made-up groups' files, the same kinds as {@code seeds/}, at any
 * size, and a benchmark passbook of any number of lines; the same seed gives the same bytes
 * (library: {@code org.shgledger.sample}).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write made-up groups' files (group.txt, members.csv, meetings.csv, passbook.csv, rules.txt,"
          + " as in seeds/) into DIR, one folder a group, and with --passbook-rows a single"
          + " benchmark passbook of exactly that many lines in DIR/bench/. The same --seed gives"
          + " the same files, byte for byte. Names are obviously fake (Member 0001).",
      "Example: shg generate --groups 3 --members 15 --years 2 --seed 1 --out sample",
      "Example: shg generate --groups 0 --passbook-rows 1000000 --seed 7 --out bench"
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--groups", paramLabel = "N", defaultValue = "1",
      description = "How many groups. Default: ${DEFAULT-VALUE}.")
  int groups;

  @Option(names = "--members", paramLabel = "M", defaultValue = "15",
      description = "Members in each group, 1 to 999. Default: ${DEFAULT-VALUE}.")
  int members;

  @Option(names = "--years", paramLabel = "Y", defaultValue = "2",
      description = "Years of monthly meetings (and of the benchmark passbook), 1 to 50. Default: ${DEFAULT-VALUE}.")
  int years;

  @Option(names = "--formed", paramLabel = "DATE",
      description = "The first group's formation, the first of a month (group n is formed n - 1 months later,"
          + " modulo a year). Default: 2021-04-01, or as many whole years earlier as the books need to end"
          + " by 31 March 2026, so that no generated date is refused as being ahead of today.")
  LocalDate formed;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The seed of the pseudo-random choices. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The directory to write into; created if missing. Existing files of the same names are replaced.")
  Path out;

  @Option(names = "--passbook-rows", paramLabel = "R",
      description = "Also write DIR/bench/passbook.csv of exactly R lines, with its group.txt and rules.txt.")
  Long passbookRows;

  @Option(names = "--passbook-layout", paramLabel = "PROFILE", defaultValue = "generic",
      description = "The bank layout of the benchmark passbook: generic, sbi, hdfc or kotak. Default: ${DEFAULT-VALUE}.")
  String passbookLayout;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    check(groups >= 0 && groups <= 100_000, "--groups must be 0 to 100000");
    check(members >= 1 && members <= 999, "--members must be 1 to 999");
    check(years >= 1 && years <= 50, "--years must be 1 to 50");
    check(formed == null || formed.getDayOfMonth() == 1, "--formed must be the first of a month");
    check(passbookRows == null || passbookRows >= 1, "--passbook-rows must be at least 1");
    check(groups > 0 || passbookRows != null, "nothing to write: give --groups 1 or more, or --passbook-rows");
    BankLayout layout;
    try {
      layout = BankLayout.named(passbookLayout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--passbook-layout: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (groups > 0) {
      List<SampleGroup.Spec> written = formed == null ? SampleGroups.write(out, groups, members, years, seed)
          : SampleGroups.write(out, groups, members, years, seed, formed);
      for (SampleGroup.Spec group : written) {
        stdout.println("wrote " + out.resolve(SampleGroups.folder(group)) + ": " + group.code() + " " + group.name()
            + ", " + group.members() + " members, " + group.years() + " years, passbook in the "
            + group.layout().profile() + " layout");
      }
      stdout.println("wrote " + out.resolve("groups.txt"));
    }
    if (passbookRows != null) {
      Path folder = out.resolve("bench");
      BenchPassbook.Summary summary = BenchPassbook.writeFolder(folder, passbookRows, seed, years, layout);
      stdout.println("wrote " + folder.resolve("passbook.csv") + " (profile " + layout.profile() + "): "
          + summary.lines() + " lines, " + summary.first() + " to " + summary.last() + ", closing balance "
          + MoneyFormats.indian(summary.closingBalance()) + "; group " + folder.resolve("group.txt")
          + ", rules " + folder.resolve("rules.txt"));
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
