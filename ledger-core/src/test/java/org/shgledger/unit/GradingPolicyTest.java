package org.shgledger.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The grading policy: its documented defaults, and reading a coordinator's properties file. */
class GradingPolicyTest {

  private static IllegalArgumentException refused(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return assertThrows(IllegalArgumentException.class, () -> GradingPolicy.fromProperties(properties));
  }

  @Test
  void theDefaultsAreThoseOfTheDocs() {
    GradingPolicy policy = GradingPolicy.defaults();

    assertEquals(new BigDecimal("10"), policy.weights().get(Measure.MEETINGS));
    assertEquals(new BigDecimal("10"), policy.weights().get(Measure.ATTENDANCE));
    for (Measure measure : new Measure[] {Measure.SAVINGS, Measure.LENDING, Measure.REPAYMENT, Measure.BOOKS}) {
      assertEquals(new BigDecimal("20"), policy.weights().get(measure), measure.key());
    }
    assertEquals(new BigDecimal("100"), policy.totalWeight());
    assertEquals(new BigDecimal("80"), policy.gradeA());
    assertEquals(new BigDecimal("60"), policy.gradeB());
    assertEquals(new BigDecimal("0.8"), policy.lendingTarget());
    assertEquals(31, policy.booksCurrentDays());
    assertEquals(90, policy.booksStaleDays());
    assertEquals(6, policy.linkageMonths());
    assertEquals(Grade.B, policy.linkageGrade());
    assertEquals(new BigDecimal("4"), policy.linkageMultiple());
  }

  @Test
  void gradesStartAtTheirThresholds() {
    GradingPolicy policy = GradingPolicy.defaults();

    assertEquals(Grade.A, policy.grade(new BigDecimal("80.0")));
    assertEquals(Grade.B, policy.grade(new BigDecimal("79.9")));
    assertEquals(Grade.B, policy.grade(new BigDecimal("60")));
    assertEquals(Grade.C, policy.grade(new BigDecimal("59.9")));
  }

  @Test
  void aFileChangesOnlyTheKeysItNames() {
    Properties properties = new Properties();
    properties.setProperty("weight.books", "5");
    properties.setProperty("linkage.grade", " a ");

    GradingPolicy policy = GradingPolicy.fromProperties(properties);

    assertEquals(new BigDecimal("5"), policy.weights().get(Measure.BOOKS));
    assertEquals(new BigDecimal("85"), policy.totalWeight());
    assertEquals(Grade.A, policy.linkageGrade());
    assertEquals(GradingPolicy.defaults().gradeA(), policy.gradeA());
  }

  @Test
  void aPolicyWrittenOutReadsBackEqual() {
    GradingPolicy policy = GradingPolicy.defaults();

    assertEquals(policy, GradingPolicy.fromProperties(policy.toProperties()));
  }

  @Test
  void aMisspeltKeyIsRefusedRatherThanIgnored() {
    IllegalArgumentException e = refused("weight.meeting", "10");

    assertTrue(e.getMessage().startsWith("unknown grading policy key(s) weight.meeting; the keys are"), e.getMessage());
  }

  @Test
  void badValuesAreRefusedNamingTheirKey() {
    assertTrue(refused("grade.a", "eighty").getMessage().startsWith("grade.a must be a number"));
    assertTrue(refused("grade.a", "50").getMessage().contains("grade.a (50) must not be below grade.b (60)"));
    assertTrue(refused("grade.b", "101").getMessage().startsWith("grade.b must be a score from 0 to 100"));
    assertTrue(refused("weight.savings", "-1").getMessage().startsWith("the weight of savings must be 0 or more"));
    assertTrue(refused("books.stale-days", "20").getMessage().startsWith("books.current-days (31) must be"));
    assertTrue(refused("linkage.months", "1.5").getMessage().startsWith("linkage.months must be a whole number"));
    assertTrue(refused("linkage.grade", "D").getMessage().startsWith("linkage.grade is A, B or C"));
    assertTrue(refused("linkage.multiple", "0").getMessage().startsWith("linkage.multiple must be above 0"));
    assertTrue(refused("lending.target", "0").getMessage().startsWith("lending.target must be above 0"));
  }

  @Test
  void allWeightsZeroIsRefused() {
    Properties properties = new Properties();
    for (Measure measure : Measure.values()) {
      properties.setProperty("weight." + measure.key(), "0");
    }

    assertThrows(IllegalArgumentException.class, () -> GradingPolicy.fromProperties(properties));
  }
}
