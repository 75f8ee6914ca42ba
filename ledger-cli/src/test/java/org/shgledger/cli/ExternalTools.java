package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs from outside the build that some tests run (hledger, ledger, chromium, pdftotext): a
 * test skips with a message where one is not installed, as on a laptop, and fails instead where
 * an environment variable says it must run, as {@code .ci/run} sets them.
 */
final class ExternalTools {

  private ExternalTools() {}

  /**
   * Skips the calling test, saying why, when {@code tool} is not on the {@code PATH}; fails it
   * instead when the environment variable {@code requiredBy} is {@code 1}.
   *
   * @param tool the program's name, such as {@code hledger}
   * @param requiredBy the environment variable that makes the tool required, such as {@code SHG_REQUIRE_HLEDGER}
   * @param what what the test checks with it, for the messages, such as {@code the round trip}
   * @param install how to install it, such as {@code apt-get install hledger ledger}
   */
  static void require(String tool, String requiredBy, String what, String install) {
    boolean found = onPath(tool);
    if (!found && "1".equals(System.getenv(requiredBy))) {
      fail(tool + " is not installed, and " + requiredBy + "=1 says " + what + " must be checked (" + install + ")");
    }
    Assumptions.assumeTrue(found, tool + " is not installed; " + what + " is not checked (" + install + ")");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
        return true;
      }
    }
    return false;
  }
}
