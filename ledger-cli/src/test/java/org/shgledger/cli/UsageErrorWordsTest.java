package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A malformed value on the command line is one line in words, naming the option and what it
 * takes, never a Java class name: {@code shg: --as-of: '2025-13-01' is not a date written
 * yyyy-mm-dd, such as 2024-05-04}.
 */
class UsageErrorWordsTest {

  @Test
  void aBadDateSaysWhatADateIs() {
    Run run = Run.shg("trial-balance", "SHG01", "--as-of", "2025-13-01");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(List.of("shg: --as-of: '2025-13-01' is not a date written yyyy-mm-dd, such as 2024-05-04",
        "Try 'shg trial-balance --help' for more information."), List.of(run.errLines()));
  }

  @Test
  void aBadAmountSaysWhatANumberIs() {
    Run run = Run.shg("loan-schedule", "--principal", "5,00x", "--annual-rate", "12", "--instalments", "3");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: --principal: '5,00x' is not a number (digits and a decimal point, without commas,"
        + " such as 1500 or 2.5)", run.errLines()[0]);
  }

  @Test
  void aBadCountSaysItIsNotAWholeNumber() {
    Run run = Run.shg("loan-schedule", "--principal", "1000", "--annual-rate", "12", "--instalments", "three");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: --instalments: 'three' is not a whole number", run.errLines()[0]);
    assertEquals("shg: --instalments: '99999999999' is too large a number",
        Run.shg("loan-schedule", "--instalments", "99999999999").errLines()[0]);
  }

  @Test
  void aBadWordListsTheWordsThereAre() {
    Run run = Run.shg("save", "SHG01", "M01", "--amount", "100", "--date", "2024-04-10", "--channel", "cheque");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: --channel: 'cheque' is not one of cash, bank", run.errLines()[0]);
  }

  @Test
  void aBadParameterIsNamedByItsLabel() {
    Run run = Run.shg("trial-balance", "no group!");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(2, run.errLines().length, run.err());
    assertEquals(true, run.errLines()[0].startsWith("shg: GROUP: "), run.err());
  }

  @Test
  void anArgumentTooManyIsNamed() {
    Run run = Run.shg("trial-balance", "SHG01", "extra");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: unexpected argument 'extra'", run.errLines()[0]);
  }

  /** A malformed word of each type there is an option or parameter of; a string is never malformed. */
  private static final Map<Class<?>, String> MALFORMED = Map.of(
      LocalDate.class, "2025-13-01",
      BigDecimal.class, "5,00x",
      Integer.class, "twelve",
      int.class, "twelve",
      Long.class, "12x",
      long.class, "12x",
      Path.class, "nul\0char");

  /** What an earlier parameter is given, so that a later one's value reaches its converter. */
  private static final Map<String, String> WELL_FORMED = Map.of(
      "GROUP", "SHG01", "MEMBER", "M01", "UNIT", "U01", "CODE", "SHG01");

  /** Every other type has a converter of its own (an id, a word of a list): none takes this. */
  private static final String MALFORMED_WORD = "?no such value?";

  @Test
  void everyOptionAndParameterOfEveryCommandRefusesAMalformedValueInWords() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (CommandSpec command : CommandTree.all()) {
      List<String> path = new ArrayList<>(Arrays.asList(command.qualifiedName().split(" ")));
      path.remove(0);
      for (ArgSpec arg : command.args()) {
        if (arg.arity().max() == 0 || arg.type() == String.class
            || (arg.auxiliaryTypes().length > 0 && arg.auxiliaryTypes()[0] == String.class)) {
          continue; // a flag has no value, and every word is a string
        }
        String bad = MALFORMED.getOrDefault(arg.type(), MALFORMED_WORD);
        List<String> args = new ArrayList<>(path);
        String name;
        if (arg instanceof OptionSpec option) {
          name = option.longestName();
          args.add(name);
          args.add(bad);
        } else {
          PositionalParamSpec parameter = (PositionalParamSpec) arg;
          name = parameter.paramLabel();
          for (PositionalParamSpec earlier : command.positionalParameters()) {
            if (earlier.index().min() < parameter.index().min()) {
              args.add(WELL_FORMED.getOrDefault(earlier.paramLabel(), "x"));
            }
          }
          args.add(bad);
        }
        Run run = Run.shg(args.toArray(String[]::new));
        checked++;
        String said = String.join(" ", args).replace("\0", "\\0") + " -> " + run.exitCode() + ": " + run.err();
        if (run.exitCode() != ExitCodes.USAGE
            || !run.errLines()[0].startsWith("shg: " + name + ": ")
            || run.errLines().length != 2
            || run.err().contains("java.") || run.err().contains("class ") || run.err().contains("Exception")) {
          wrong.add(said);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(true, checked > 100, "options checked: " + checked);
  }
}
