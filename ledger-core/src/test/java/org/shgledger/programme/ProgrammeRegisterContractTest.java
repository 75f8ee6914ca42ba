package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;

/**
 * What every {@link ProgrammeRegister} does: gives back what was put, equal, in the orders the
 * interface documents, each group's records apart. Each implementation runs these by extending
 * this class.
 */
public abstract class ProgrammeRegisterContractTest {

  /** The first group. */
  protected static final BookId SHG01 = BookId.of("SHG01");
  /** The second group. */
  protected static final BookId SHG02 = BookId.of("SHG02");

  private static final LocalDate APRIL = LocalDate.of(2025, 4, 1);
  private static final MemberId M01 = MemberId.of("M01");
  private static final MemberId M02 = MemberId.of("M02");

  private ProgrammeRegister register;

  /**
   * A new, empty register in which the books of both groups exist.
   *
   * @param books the books, not null
   * @return the register, not null
   */
  protected abstract ProgrammeRegister newRegister(List<Book> books);

  @BeforeEach
  void newRegister() {
    CurrencyUnit inr = CurrencyUnit.of("INR");
    register = newRegister(List.of(new Book(SHG01, "One", inr), new Book(SHG02, "Two", inr)));
  }

  @Test
  void aChildAndHerStatusHistoryComeBackAsPut() {
    Child child = new Child(ChildKey.of("M01-C1"), M01, 2016, List.of(
        new SchoolStatusChange(APRIL, SchoolStatus.NOT_ENROLLED)));
    register.addChild(SHG01, child);
    SchoolStatusChange bridge = new SchoolStatusChange(APRIL.plusMonths(1), SchoolStatus.BRIDGE_COURSE);
    SchoolStatusChange enrolled = new SchoolStatusChange(APRIL.plusMonths(9), SchoolStatus.ENROLLED);
    // recorded out of date order: the history keeps the order of recording
    register.addSchoolStatus(SHG01, child.key(), enrolled);
    register.addSchoolStatus(SHG01, child.key(), bridge);

    Child expected = new Child(child.key(), M01, 2016, List.of(child.statuses().get(0), enrolled, bridge));
    assertEquals(Optional.of(expected), register.child(SHG01, child.key()));
    assertEquals(List.of(expected), register.children(SHG01));
    assertEquals(Optional.empty(), register.child(SHG02, child.key()), "each group's register is its own");
    assertEquals(List.of(), register.children(SHG02));
  }

  @Test
  void childrenComeInKeyOrder() {
    for (String key : List.of("M02-C1", "M01-C10", "M01-C2", "M01-C1")) {
      register.addChild(SHG01, new Child(ChildKey.of(key), M01, 2015, List.of(
          new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED))));
    }
    assertEquals(List.of("M01-C1", "M01-C10", "M01-C2", "M02-C1"),
        register.children(SHG01).stream().map(child -> child.key().value()).toList());
  }

  @Test
  void trainingsComeInDateThenIdOrderWithTheirAttendees() {
    Training later = new Training(TrainingId.of("A"), TrainingTopic.of("human-rights"), APRIL.plusDays(7), List.of(M02));
    Training second = new Training(TrainingId.of("C"), TrainingTopic.of("orientation"), APRIL, List.of(M02, M01));
    Training first = new Training(TrainingId.of("B"), TrainingTopic.of("orientation"), APRIL, List.of(M01));
    register.addTraining(SHG01, later);
    register.addTraining(SHG01, second);
    register.addTraining(SHG01, first);
    register.addTraining(SHG02, first);

    assertEquals(List.of(first, second, later), register.trainings(SHG01));
    assertEquals(Optional.of(second), register.training(SHG01, TrainingId.of("C")));
    assertEquals(List.of(M01, M02), register.training(SHG01, TrainingId.of("C")).orElseThrow().attendees());
    assertEquals(List.of(first), register.trainings(SHG02));
    assertEquals(Optional.empty(), register.training(SHG02, TrainingId.of("C")));
  }

  @Test
  void aLoanPurposePutAgainReplacesTheOneBefore() {
    LoanId l1 = LoanId.of("L1");
    LoanId l2 = LoanId.of("20250401-M02");
    register.putLoanPurpose(SHG01, l2, LoanPurpose.HEALTH);
    register.putLoanPurpose(SHG01, l1, LoanPurpose.CONSUMPTION);
    register.putLoanPurpose(SHG01, l1, LoanPurpose.LIVELIHOOD);

    assertEquals(Optional.of(LoanPurpose.LIVELIHOOD), register.loanPurpose(SHG01, l1));
    assertEquals(Map.of(l1, LoanPurpose.LIVELIHOOD, l2, LoanPurpose.HEALTH), register.loanPurposes(SHG01));
    assertEquals(List.of(l2, l1), List.copyOf(register.loanPurposes(SHG01).keySet()), "in loan-id order");
    assertEquals(Optional.empty(), register.loanPurpose(SHG02, l1));
  }

  @Test
  void theSecretIsThirtyTwoBytesMadeOnceAndHandedOutAsACopy() {
    byte[] secret = register.pseudonymSecret();
    assertEquals(32, secret.length);
    byte[] again = register.pseudonymSecret();
    assertArrayEquals(secret, again);
    again[0]++;
    assertArrayEquals(secret, register.pseudonymSecret());
    assertNotEquals(0, java.util.Arrays.stream(toInts(secret)).map(Math::abs).sum(), "not all zero");
  }

  private static int[] toInts(byte[] bytes) {
    int[] ints = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ints[i] = bytes[i];
    }
    return ints;
  }
}
