package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a training was about, as a short word the NGO chooses and reuses: {@code orientation},
 * {@code human-rights}, {@code child-enrolment}. It is a key, not free text, so that attendance
 * adds up by topic, a target can name it ({@code training.orientation = 3000}) and no name or
 * story can be written into it.
 *
 * @param value 1 to {@value #MAX_LENGTH} lower-case letters, digits or {@code -}, starting with a
 *     letter, not null
 */
public record TrainingTopic(String value) implements Comparable<TrainingTopic> {

  /** The longest topic accepted. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * Creates a topic.
   *
   * @param value 1 to {@value #MAX_LENGTH} lower-case letters, digits or {@code -}, starting with a
   *     letter, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long or has other characters
   */
  public TrainingTopic {
    Objects.requireNonNull(value, "topic");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !WORD.matcher(value).matches()) {
      throw new IllegalArgumentException("a training topic is 1 to " + MAX_LENGTH
          + " lower-case letters, digits or -, starting with a letter, such as human-rights: '" + value + "'");
    }
  }

  /**
   * Creates a topic.
   *
   * @param value the topic, see {@link TrainingTopic}
   * @return the topic, not null
   */
  public static TrainingTopic of(String value) {
    return new TrainingTopic(value);
  }

  @Override
  public int compareTo(TrainingTopic other) {
    return value.compareTo(other.value);
  }

  /** Returns the topic itself. */
  @Override
  public String toString() {
    return value;
  }
}
