package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shgledger.journal.AccountCode;

/**
 * The built-in passbook rules book NRLM's funds and a bank's loan lines where an auditor expects
 * them (issue 14; docs/engine.md, "NRLM funds"): the Community Investment Fund is a loan from the
 * village organisation (2300), the Revolving Fund the group's corpus (3000), interest subvention
 * income of its own (4400), and interest the bank debits on the group's loan a cost (5000), never
 * the savings-bank interest the bank credits (4200).
 */
class BuiltInRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      BY TRANSFER-NEFT VO CIF DISBURSEMENT             | 2300
      COMMUNITY INVESTMENT FUND FROM GRAM SANGATHAN      | 2300
      CIF REPAYMENT TO VO                                | 2300
      BY TRANSFER-NEFT UJALA GRAM SANGATHAN REVOLVING FUND | 3000
      RF GRANT JEEVIKA                                   | 3000
      INTEREST SUBVENTION CREDIT NRLM                    | 4400
      INT SUBSIDY FY24 Q3                                | 4400
      LOAN INTEREST DEBITED                              | 5000
      INT DEBITED TO SHG LOAN A/C                        | 5000
      INTEREST ON CC A/C APPLIED                         | 5000
      CREDIT INTEREST                                    | 4200
      SB INT CR                                          | 4200
      LOAN DISBURSED SHG TERM LOAN                       | 2200
      EMI RECOVERY                                       | 2200
      SMS CHGS FOR QTR ENDED JUN24                       | 5100
      BY CASH                                            | 1000
      """)
  void aNarrationGoesToTheAccountAnAuditorExpects(String narration, String account) {
    assertEquals(AccountCode.of(account), PassbookRules.DEFAULT.accountFor(narration));
  }
}
