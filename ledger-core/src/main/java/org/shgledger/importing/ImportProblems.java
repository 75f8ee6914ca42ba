package org.shgledger.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects an import's problems so that one run reports as many as it can, up to a limit.
 *
 * <p>Not safe for use by several threads.
 */
public final class ImportProblems {

  private final int maxProblems;
  private final List<ImportProblem> problems = new ArrayList<>();

  /**
   * Creates an empty collection.
   *
   * @param maxProblems the most problems kept; reaching it stops the import, at least 1
   * @throws IllegalArgumentException if the limit is below 1
   */
  public ImportProblems(int maxProblems) {
    if (maxProblems < 1) {
      throw new IllegalArgumentException("maxProblems must be at least 1: " + maxProblems);
    }
    this.maxProblems = maxProblems;
  }

  /**
   * Adds a problem. When the limit is reached there is no point reading on: throws at once.
   *
   * @param problem the problem, not null
   * @throws ImportException with every problem so far, if this one reaches the limit
   */
  public void add(ImportProblem problem) {
    Objects.requireNonNull(problem, "problem");
    problems.add(problem);
    if (problems.size() >= maxProblems) {
      throw new ImportException(problems, true);
    }
  }

  /**
   * Whether no problem has been found.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * How many problems have been found.
   *
   * @return the count, at least 0
   */
  public int size() {
    return problems.size();
  }

  /**
   * The problems so far, in the order added.
   *
   * @return an unmodifiable copy, not null
   */
  public List<ImportProblem> list() {
    return List.copyOf(problems);
  }

  /**
   * Throws if any problem was found; call after reading the whole file and before writing.
   *
   * @throws ImportException with every problem found
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ImportException(problems, false);
    }
  }
}
