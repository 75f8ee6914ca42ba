package org.shgledger.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookProfile;
import picocli.CommandLine.Option;

/**
 * The {@code --profile NAME} option of the passbook imports ({@code shg import passbook}, {@code
 * shg import books}). Its help, its completion and its error all list {@link
 * PassbookProfile#BUILT_IN}, so that a new bank profile needs no edit here.
 */
final class ProfileOption {

  @Option(names = "--profile", paramLabel = "NAME", completionCandidates = Names.class,
      description = "The bank's layout: ${COMPLETION-CANDIDATES} (default: recognised from the"
          + " header).")
  private String profile;

  /**
   * The import's options with the chosen profile; without {@code --profile}, the options as they
   * are, so that the profile is recognised from the header.
   *
   * @param options the import's options, not null
   * @param err where an unknown name is reported, not null
   * @return the options, or empty if {@code --profile} names no profile (said on {@code err}: a
   *     usage error)
   */
  Optional<PassbookImporter.Options> applyTo(PassbookImporter.Options options, PrintWriter err) {
    if (profile == null) {
      return Optional.of(options);
    }
    Optional<PassbookProfile> named = PassbookProfile.named(profile);
    if (named.isEmpty()) {
      err.println("shg: unknown profile '" + profile + "': choose " + choices());
      err.flush();
    }
    return named.map(options::withProfile);
  }

  /** The names in a sentence: {@code generic, sbi, hdfc, icici or kotak}. */
  private static String choices() {
    List<String> names = PassbookProfile.BUILT_IN.stream().map(PassbookProfile::name).toList();
    int last = names.size() - 1;
    return last == 0
        ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }

  /** The profiles' names, for the help and shell completion; picocli creates it. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return PassbookProfile.BUILT_IN.stream().map(PassbookProfile::name).iterator();
    }
  }
}
