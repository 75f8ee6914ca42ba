package org.shgledger.programme;

import java.util.Objects;

/**
 * The survivor's age, as a band only: {@code 0-11}, {@code 12-17}, {@code 18-25}, {@code 26+}.
 * Children and adolescents are told apart because the law and the services differ for them; an
 * exact age would help point at a person.
 */
public enum AgeBand {
  /** 0 to 11 years. */
  CHILD("0-11"),
  /** 12 to 17 years. */
  ADOLESCENT("12-17"),
  /** 18 to 25 years. */
  YOUNG_ADULT("18-25"),
  /** 26 years or older. */
  ADULT("26+");

  private final String word;

  AgeBand(String word) {
    this.word = word;
  }

  /**
   * The band as written: {@code 0-11}, {@code 12-17}, {@code 18-25} or {@code 26+}.
   *
   * @return the word, not null
   */
  public String word() {
    return word;
  }

  /**
   * The band written as {@link #word()} gives it.
   *
   * @param word {@code 0-11}, {@code 12-17}, {@code 18-25} or {@code 26+}, not null
   * @return the band, not null
   * @throws IllegalArgumentException if the word is none of those
   */
  public static AgeBand parse(String word) {
    Objects.requireNonNull(word, "word");
    for (AgeBand band : values()) {
      if (band.word.equals(word.strip())) {
        return band;
      }
    }
    throw new IllegalArgumentException("'" + word + "' is not an age band: 0-11, 12-17, 18-25 or 26+");
  }
}
