package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What is stored of a secret, and that it is never the secret. */
class SecretsTest {

  @Test
  void aTokenIs256RandomBitsStoredAsItsSha256() {
    String token = Secrets.newToken();
    assertTrue(token.startsWith(Secrets.TOKEN_PREFIX));
    // 32 bytes in unpadded base64: 43 characters
    assertEquals(Secrets.TOKEN_PREFIX.length() + 43, token.length());
    assertNotEquals(token, Secrets.newToken());
    String hash = Secrets.tokenHash(token);
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertEquals(hash, Secrets.tokenHash(token));
  }

  @Test
  void aPasswordIsStoredAsArgon2idWithItsOwnSaltAndParameters() {
    String password = Secrets.newPassword();
    String stored = Secrets.passwordHash(password);
    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    assertFalse(stored.contains(password));
    assertNotEquals(stored, Secrets.passwordHash(password), "a new salt each time");
    assertTrue(Secrets.passwordMatches(password, stored));
    assertFalse(Secrets.passwordMatches(password + "x", stored));
    assertFalse(Secrets.passwordMatches(password, "$argon2id$v=19$garbage"));
  }

  @Test
  void argon2idGivesTheReferenceVectorsHash() {
    // RFC 9106, section 5.3 uses secret and associated data, which the server does not; this is
    // the PHC reference implementation's argon2id vector for "password"/"somesalt", m=64 KiB, t=2, p=1
    // (argon2 password -id -t 2 -m 16 -p 1 with salt "somesalt"), 32-byte hash.
    String stored = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertTrue(Secrets.passwordMatches("password", stored));
  }
}
