package org.shgledger.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up unit of groups ({@link SampleGroup}), one folder each, plus a {@code groups.txt}
 * listing the folders, as {@code seeds/} holds them. Group {@code n} (from 1) is {@code GEN0001}
 * "Sample Group 0001" in folder {@code gen0001}; groups differ in the month they were formed, their
 * bank's layout, and whether they have a Revolving Fund, a bank loan and members in arrears. The
 * same arguments give the same bytes.
 */
public final class SampleGroups {

  /**
   * The first group's formation when its books fit before {@link #LAST_DAY}; group n is formed
   * n - 1 months later, modulo a year.
   */
  public static final LocalDate FIRST_FORMED = LocalDate.of(2021, 4, 1);

  /**
   * The last day any generated books reach (the end of financial year 2025-26). It is past, so
   * that generated books import on any later day (the engine refuses dates too far after today),
   * and fixed, so that the same arguments keep giving the same bytes.
   */
  public static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);

  private static final BankLayout[] LAYOUTS = {BankLayout.SBI, BankLayout.HDFC, BankLayout.KOTAK, BankLayout.GENERIC};

  private SampleGroups() {}

  /**
   * The specifications of a unit's groups.
   *
   * @param groups how many, 0 or more
   * @param members members in each, 1 to 999
   * @param years years of meetings, at least 1
   * @param seed the unit's seed
   * @return one specification a group, not null
   */
  public static List<SampleGroup.Spec> specs(int groups, int members, int years, long seed) {
    return specs(groups, members, years, seed, firstFormation(groups, years));
  }

  /**
   * The specifications of a unit's groups, the first formed on a given day instead of {@link
   * #FIRST_FORMED}: for books of many years that still end before today (a benchmark's).
   *
   * @param groups how many, 0 or more
   * @param members members in each, 1 to 999
   * @param years years of meetings, at least 1
   * @param seed the unit's seed
   * @param firstFormed the first group's formation, the first of a month, not null
   * @return one specification a group, not null
   * @throws IllegalArgumentException if firstFormed is not the first of a month
   */
  public static List<SampleGroup.Spec> specs(int groups, int members, int years, long seed, LocalDate firstFormed) {
    List<SampleGroup.Spec> specs = new ArrayList<>();
    for (int n = 1; n <= groups; n++) {
      String number = String.format("%04d", n);
      specs.add(new SampleGroup.Spec("GEN" + number, "Sample Group " + number,
          firstFormed.plusMonths((n - 1) % 12), members, years, seed * 1_000_003L + n,
          LAYOUTS[(n - 1) % LAYOUTS.length], n % 4 != 0, n % 3 == 0, n % 5 == 0 ? 2 : 0));
    }
    return specs;
  }

  /**
   * The first group's formation: {@link #FIRST_FORMED}, or as many whole years earlier as it takes
   * for the last-formed group's books (a group's last month ends a day before the anniversary of
   * its formation) to end by {@link #LAST_DAY}.
   */
  private static LocalDate firstFormation(int groups, int years) {
    int latestFormation = Math.max(0, Math.min(groups, 12) - 1);
    LocalDate first = FIRST_FORMED;
    while (first.plusMonths(latestFormation).plusYears(years).minusDays(1).isAfter(LAST_DAY)) {
      first = first.minusYears(1);
    }
    return first;
  }

  /**
   * The folder of a group under the output directory.
   *
   * @param spec the group, not null
   * @return such as {@code gen0001}, not null
   */
  public static String folder(SampleGroup.Spec spec) {
    return spec.code().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Writes the unit: each group's folder, then {@code groups.txt}. Each group is generated and
   * written before the next, so a large unit needs the memory of one group.
   *
   * @param out the directory, created if missing, not null
   * @param groups how many, 0 or more
   * @param members members in each, 1 to 999
   * @param years years of meetings, at least 1
   * @param seed the unit's seed
   * @return the specifications written, not null
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<SampleGroup.Spec> write(Path out, int groups, int members, int years, long seed) {
    return write(out, groups, members, years, seed, firstFormation(groups, years));
  }

  /**
   * Writes the unit as {@link #write(Path, int, int, int, long)} does, the first group formed on
   * a given day instead of {@link #FIRST_FORMED}.
   *
   * @param out the directory, created if missing, not null
   * @param groups how many, 0 or more
   * @param members members in each, 1 to 999
   * @param years years of meetings, at least 1
   * @param seed the unit's seed
   * @param firstFormed the first group's formation, the first of a month, not null
   * @return the specifications written, not null
   * @throws UncheckedIOException if a file cannot be written
   * @throws IllegalArgumentException if firstFormed is not the first of a month
   */
  public static List<SampleGroup.Spec> write(Path out, int groups, int members, int years, long seed,
      LocalDate firstFormed) {
    List<SampleGroup.Spec> specs = specs(groups, members, years, seed, firstFormed);
    StringBuilder index = new StringBuilder(
        "# The generated groups, one folder a line (shg generate --groups " + groups + " --members " + members
            + " --years " + years + " --seed " + seed
            + (firstFormed.equals(FIRST_FORMED) ? "" : " --formed " + firstFormed) + ").\n");
    for (SampleGroup.Spec spec : specs) {
      SampleGroup.generate(spec).writeTo(out.resolve(folder(spec)));
      index.append(folder(spec)).append('\n');
    }
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("groups.txt"), index.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out.resolve("groups.txt"), e);
    }
    return specs;
  }
}
