package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A field copy keeps each operation's body as the JSON {@link OperationBodies#json} writes, and
 * reads back the member and loan it names to refuse what depends on a refused joining or loan
 * ({@link OperationBodies#fields}, {@link OperationBodies#creates}, {@link OperationBodies#names}).
 */
class OperationBodiesProperties {

  @Property(tries = 200)
  void whatJsonWritesFieldsReadsBackAsItWas(@ForAll @Size(max = 6) Map<String, String> body) {
    Map<String, String> ordered = new LinkedHashMap<>(body);
    assertEquals(List.copyOf(ordered.entrySet()), List.copyOf(OperationBodies.fields(OperationBodies.json(ordered)).entrySet()));
  }

  @Test
  void aJoiningAndALoanPaidOutBringInWhatLaterOperationsName() {
    Map<String, String> joining = Map.of("operation", "member-add", "member", "M16", "name", "Kamla");
    Map<String, String> loan = Map.of("operation", "loan-disburse", "id", "D1", "member", "M16", "loan", "L7");
    Map<String, String> repayment = Map.of("operation", "loan-repay", "id", "R1", "loan", "L7");
    Map<String, String> saving = Map.of("operation", "save", "id", "S1", "member", "M16");
    assertEquals(Optional.of("member:M16"), OperationBodies.creates(joining));
    assertEquals(Optional.of("loan:L7"), OperationBodies.creates(loan));
    assertEquals(Optional.empty(), OperationBodies.creates(saving));
    assertEquals(Set.of("member:M16", "loan:L7"), OperationBodies.names(loan));
    assertEquals(Set.of("loan:L7"), OperationBodies.names(repayment));
    assertEquals(Set.of("member:M16"), OperationBodies.names(saving));
  }

  @Test
  void textThatJsonDidNotWriteIsRefused() {
    for (String text : List.of("", "[]", "{\"a\":1}", "{\"a\":\"b\"", "{\"a\":\"b\"} x", "{\"a\" : \"b\"}")) {
      assertThrows(IllegalArgumentException.class, () -> OperationBodies.fields(text), text);
    }
  }
}
