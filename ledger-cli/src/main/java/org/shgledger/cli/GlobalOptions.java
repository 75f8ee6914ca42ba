package org.shgledger.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options given before the command's name, as hledger and git users type them: {@code shg --db
 * books.db trial-balance SHG01} is {@code shg trial-balance SHG01 --db books.db}.
 *
 * <p>{@link Shg} declares each such option ({@code --db}, {@code --format} …) with this
 * preprocessor, which moves it, as it is parsed, to the end of the arguments: the command reads it
 * with its own option of the same name, from the mixins it always had ({@link DbOptions}, {@code
 * OutputOptions}), so the value meets exactly the converter, checks and messages it would have met
 * after the command. Given both before and after the command, it is a usage error ("given twice"),
 * as an option given twice after the command always was: choosing one would silently use books or
 * a file the user did not mean. An option the command does not take is a usage error naming it
 * ({@link #isGlobal}).
 */
final class GlobalOptions implements IParameterPreprocessor {

  /** Creates the preprocessor; picocli calls this. */
  GlobalOptions() {}

  /**
   * Where the command's name is among the run's arguments: the first argument that is neither an
   * option of the top command nor the value of one ({@code books.db} of {@code --db books.db} is
   * not a command).
   *
   * @param top the top command, not null
   * @param args the run's arguments, not null
   * @return the index of the command's name, or {@code args.length} when there is none
   */
  static int commandIndex(CommandSpec top, String[] args) {
    int index = 0;
    while (index < args.length) {
      String arg = args[index];
      if (arg.equals("--")) {
        return args.length; // what follows is parameters of the top command, which has none
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        return index;
      }
      Optional<OptionSpec> option = optionOf(top, arg);
      index += option.isPresent() && option.get().arity().max() > 0 && !valueAttached(arg) ? 2 : 1;
    }
    return args.length;
  }

  /** Whether an option's argument holds its value too: {@code --db=x} or {@code -fx}. */
  private static boolean valueAttached(String arg) {
    return arg.startsWith("--") ? arg.contains("=") : arg.length() > 2;
  }

  /** The option an argument names: {@code --db}, {@code --db=x}, {@code -f} or {@code -fx}. */
  private static Optional<OptionSpec> optionOf(CommandSpec command, String arg) {
    String name = arg.startsWith("--") ? arg.split("=", 2)[0] : arg.substring(0, Math.min(2, arg.length()));
    return Optional.ofNullable(command.findOption(name));
  }

  /**
   * Moves an option met before the command's name to the end of the arguments (before a {@code
   * --} that ends the options, if there is one), as {@code --name=value}, where the command's own
   * option reads it. When no command follows, the top command keeps the value (for {@code shg
   * --db x --help}, say) and nothing reads it.
   *
   * @param args the arguments after the option's name, its value on top, the last at the bottom
   * @param top the top command, not null
   * @param option the option met, not null
   * @param info what picocli knows of the option's form; {@code separator} is empty for a short
   *     option with its value attached ({@code -fbooks.db}), not null
   * @return whether the option was moved (picocli then leaves it alone), false to let picocli
   *     process it
   */
  @Override
  public boolean preprocess(Stack<String> args, CommandSpec top, ArgSpec option, Map<String, Object> info) {
    if (args.isEmpty()) {
      return false; // the value is missing: picocli says so
    }
    String value = args.pop();
    List<String> following = new ArrayList<>(args);
    Collections.reverse(following); // the stack's top is the next argument
    int command = commandIndex(top, following.toArray(String[]::new));
    if (command >= following.size()) {
      args.push(value);
      return false;
    }
    int endOfOptions = following.subList(command, following.size()).indexOf("--");
    int bottom = endOfOptions < 0 ? 0 : args.size() - (command + endOfOptions);
    args.insertElementAt(((OptionSpec) option).longestName() + "=" + value, bottom);
    if ("".equals(info.get("separator"))) {
      // picocli goes on reading a cluster of short options (-fx) from the next argument; an empty
      // one ends the cluster
      args.push("");
    }
    return true;
  }

  /**
   * Whether an option is one {@code shg} takes before the command's name: for the message when
   * the command does not take it ({@code 'shg loan-schedule' takes no --db}).
   *
   * @param root the top command, not null
   * @param name the option's name as typed, such as {@code --db}, not null
   * @return whether the top command has an option of that name that takes a value
   */
  static boolean isGlobal(CommandSpec root, String name) {
    OptionSpec option = root.findOption(name);
    return option != null && option.arity().max() > 0 && option.preprocessor() instanceof GlobalOptions;
  }
}
