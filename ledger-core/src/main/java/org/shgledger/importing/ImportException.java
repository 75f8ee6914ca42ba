package org.shgledger.importing;

import java.util.List;
import org.shgledger.LedgerException;

/**
 * An import refused because the file has problems; nothing was written.
 *
 * <p>The message is the first problem ({@code file:line:column: reason}) and how many more there
 * are; {@link #problems()} lists them all, up to {@link ImportLimits#maxProblems()}.
 */
public final class ImportException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The problems, at least one. */
  private final List<ImportProblem> problems;

  /** Whether problems were left out because there were more than the limit. */
  private final boolean truncated;

  /**
   * Creates the exception.
   *
   * @param problems what was wrong, at least one, not null
   * @param truncated true if there were more problems than listed
   * @throws IllegalArgumentException if there are no problems
   */
  public ImportException(List<ImportProblem> problems, boolean truncated) {
    super(message(problems, truncated));
    this.problems = List.copyOf(problems);
    this.truncated = truncated;
  }

  /**
   * Creates the exception for one problem.
   *
   * @param problem what was wrong, not null
   */
  public ImportException(ImportProblem problem) {
    this(List.of(problem), false);
  }

  private static String message(List<ImportProblem> problems, boolean truncated) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an import exception needs at least one problem");
    }
    String first = problems.get(0).toString();
    int more = problems.size() - 1;
    if (more == 0 && !truncated) {
      return first;
    }
    return first + " (and " + more + (truncated ? " or more" : "") + " more problem"
        + (more == 1 && !truncated ? "" : "s") + ")";
  }

  /**
   * The problems, in file order.
   *
   * @return at least one problem, not null
   */
  public List<ImportProblem> problems() {
    return problems;
  }

  /**
   * Whether the file has more problems than {@link #problems()} lists.
   *
   * @return true if problems were left out at the limit
   */
  public boolean truncated() {
    return truncated;
  }
}
