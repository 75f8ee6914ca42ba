package org.shgledger.loan;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The order in which a payment pays what is due: by default fines and penalties first, then
 * interest, then principal, as SHG rules usually say. Some groups take principal before interest;
 * any order of the three parts may be given.
 *
 * <p>A payment first pays, in this order, each part's whole amount due on its date (oldest first
 * within a part); what is left is then applied by the rule of {@link LoanHistory#allocate}.
 *
 * @param parts each of {@link Part#FINES}, {@link Part#INTEREST} and {@link Part#PRINCIPAL} exactly
 *     once, first paid first, not null
 */
public record AllocationOrder(List<Part> parts) {

  /** What a payment can pay. */
  public enum Part {
    /** Fines and penalties charged on the loan. */
    FINES,
    /** Interest. */
    INTEREST,
    /** Principal. */
    PRINCIPAL
  }

  /** Fines, then interest, then principal: the order SHG rules usually give. */
  public static final AllocationOrder STANDARD = of(Part.FINES, Part.INTEREST, Part.PRINCIPAL);

  /**
   * Creates an order.
   *
   * @param parts each of {@link Part#FINES}, {@link Part#INTEREST} and {@link Part#PRINCIPAL} exactly
   *     once, first paid first, not null
   * @throws NullPointerException if the list or a part is null
   * @throws IllegalArgumentException unless each part is listed exactly once
   */
  public AllocationOrder {
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    if (parts.size() != Part.values().length || !EnumSet.copyOf(parts).equals(EnumSet.allOf(Part.class))) {
      throw new IllegalArgumentException(
          "an allocation order lists FINES, INTEREST and PRINCIPAL once each: " + parts);
    }
  }

  /**
   * An order of the three parts.
   *
   * @param first paid first, not null
   * @param second paid second, not null
   * @param third paid last, not null
   * @return the order, not null
   * @throws IllegalArgumentException if a part is repeated
   */
  public static AllocationOrder of(Part first, Part second, Part third) {
    return new AllocationOrder(List.of(first, second, third));
  }
}
