package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;

/** Keyed, stable pseudonyms, and text with members' ids and names replaced by them. */
class PseudonymsTest {

  private static final byte[] SECRET = "a secret of the NGO, 32 bytes ok".getBytes(StandardCharsets.UTF_8);
  private static final BookId SHG01 = BookId.of("SHG01");
  private static final LocalDate JOINED = LocalDate.of(2024, 4, 1);

  @Test
  void aPseudonymIsStableKeyedAndPerGroup() {
    Pseudonyms pseudonyms = Pseudonyms.keyedBy(SECRET);
    String m01 = pseudonyms.of(SHG01, MemberId.of("M01"));

    assertTrue(m01.matches("P-[0-9a-f]{12}"), m01);
    assertEquals(m01, Pseudonyms.keyedBy(SECRET.clone()).of(SHG01, MemberId.of("M01")), "the same secret, the same name");
    assertNotEquals(m01, pseudonyms.of(SHG01, MemberId.of("M02")));
    assertNotEquals(m01, pseudonyms.of(BookId.of("SHG02"), MemberId.of("M01")), "M01 of another group is another woman");
    assertNotEquals(m01, Pseudonyms.keyedBy("another secret, 32 bytes as well".getBytes(StandardCharsets.UTF_8))
        .of(SHG01, MemberId.of("M01")), "without the secret it cannot be worked out");
  }

  @Test
  void aSecretIsSixteenBytesOrMore() {
    assertThrows(IllegalArgumentException.class, () -> Pseudonyms.keyedBy(new byte[15]));
    Pseudonyms.keyedBy(new byte[16]);
  }

  @Test
  void idsAndNamesAreReplacedWhereverTheyStandAsWords() {
    Pseudonyms pseudonyms = Pseudonyms.keyedBy(SECRET);
    Member asha = Member.joining(MemberId.of("M01"), "Asha Devi", MemberCategory.ADULT_WOMAN, JOINED);
    Member sunita = Member.joining(MemberId.of("M02"), "Sunita Devi", MemberCategory.ADULT_WOMAN, JOINED);
    Member hindi = Member.joining(MemberId.of("M03"), "सीता कुमारी", MemberCategory.ADOLESCENT_GIRL, JOINED);
    Pseudonyms.Replacer replacer = pseudonyms.forGroup(SHG01, List.of(asha, sunita, hindi));
    String p1 = pseudonyms.of(SHG01, asha.id());
    String p2 = pseudonyms.of(SHG01, sunita.id());
    String p3 = pseudonyms.of(SHG01, hindi.id());

    assertEquals("2000:" + p1, replacer.apply("2000:M01"));
    assertEquals("Members' compulsory savings — " + p1, replacer.apply("Members' compulsory savings — M01"));
    assertEquals("SHG01-2024-05-04-SAVE-" + p2, replacer.apply("SHG01-2024-05-04-SAVE-M02"));
    assertEquals(p1 + " fined: late, as " + p2 + " said", replacer.apply("M01 fined: late, as sunita devi said"));
    assertEquals("paid by " + p1 + " and " + p3, replacer.apply("paid by ASHA and सीता"));
    assertEquals("M010 and XM01 stay", replacer.apply("M010 and XM01 stay"));
    assertEquals("given to " + Pseudonyms.SHARED_NAME, replacer.apply("given to Devi"),
        "a word two members' names share cannot be given to either");
  }

  /** Issue 13 item 6: a bank writes a name as it likes, run together, in capitals, spaced out. */
  @Test
  void aWholeNameIsFoundHoweverItIsSpacedOrCased() {
    Pseudonyms pseudonyms = Pseudonyms.keyedBy(SECRET);
    Member sunita = Member.joining(MemberId.of("M01"), "Sunita Devi", MemberCategory.ADULT_WOMAN, JOINED);
    Member rinku = Member.joining(MemberId.of("M02"), "Rinku  Kumari Devi", MemberCategory.ADULT_WOMAN, JOINED);
    Pseudonyms.Replacer replacer = pseudonyms.forGroup(SHG01, List.of(sunita, rinku));
    String p1 = pseudonyms.of(SHG01, sunita.id());
    String p2 = pseudonyms.of(SHG01, rinku.id());

    assertEquals("UPI/XXXXXXX5301/" + p1 + "/SBIN", replacer.apply("UPI/XXXXXXX5301/SUNITADEVI/SBIN"));
    assertEquals("to " + p1 + " and " + p1, replacer.apply("to sunita  devi and Sunita\tDevi"));
    assertEquals(p1 + "@okaxis", replacer.apply("sunita.devi@okaxis"));
    assertEquals("NEFT " + p2 + " RF", replacer.apply("NEFT RINKUKUMARIDEVI RF"));
    assertEquals("NEFT " + p2 + " RF", replacer.apply("NEFT Rinku Kumari\u00A0Devi RF"));
    assertEquals(p2 + " " + p1, replacer.apply("RINKU KUMARIDEVI SUNITA DEVI"), "two names side by side");
    assertEquals(p1 + ", " + Pseudonyms.SHARED_NAME, replacer.apply("SUNITA, DEVI"),
        "words apart are words: her first name, and a word both names share");
    assertEquals("SUNITADEVIS stays", replacer.apply("SUNITADEVIS stays"), "a name is a word of its own");
  }

  @Test
  void aWholeNameTwoMembersShareCannotBeGivenToEither() {
    Pseudonyms pseudonyms = Pseudonyms.keyedBy(SECRET);
    Member one = Member.joining(MemberId.of("M01"), "Sunita Devi", MemberCategory.ADULT_WOMAN, JOINED);
    Member other = Member.joining(MemberId.of("M02"), "SUNITA DEVI", MemberCategory.ADULT_WOMAN, JOINED);
    Pseudonyms.Replacer replacer = pseudonyms.forGroup(SHG01, List.of(one, other));

    assertEquals("paid to " + Pseudonyms.SHARED_NAME, replacer.apply("paid to SunitaDevi"));
    assertEquals(pseudonyms.of(SHG01, other.id()) + " saves", replacer.apply("M02 saves"));
  }
}
