package org.shgledger.cli.output;

import java.util.List;
import java.util.Objects;

/**
 * Where the people who answer for a printed report sign it and date their signatures, as an
 * SHG's books are signed: for the statement, whoever prepared it, whoever checked it, the
 * president and the treasurer. Only HTML, the page that is printed and signed, shows it, at its
 * place in the body (the end, for a statement), as one box per signer with a line for the
 * signature and a line for the date; text, CSV and JSON leave it out.
 *
 * @param signers who signs, in the order printed, in the reader's language, such as "Prepared by";
 *     one to six, not null
 * @param signatureLabel the word under each signature line, such as "Signature", not null
 * @param dateLabel the word under each date line, such as "Date", not null
 */
public record Signatures(List<String> signers, String signatureLabel, String dateLabel) implements Block {

  /** The most signers a row of an A4 page has room for. */
  public static final int MAX_SIGNERS = 6;

  /**
   * Creates the block.
   *
   * @throws NullPointerException if any argument or signer is null
   * @throws IllegalArgumentException if there are no signers or more than {@value #MAX_SIGNERS}
   */
  public Signatures {
    signers = List.copyOf(signers);
    Objects.requireNonNull(signatureLabel, "signatureLabel");
    Objects.requireNonNull(dateLabel, "dateLabel");
    if (signers.isEmpty() || signers.size() > MAX_SIGNERS) {
      throw new IllegalArgumentException("a report is signed by 1 to " + MAX_SIGNERS + " people, not "
          + signers.size());
    }
  }
}
