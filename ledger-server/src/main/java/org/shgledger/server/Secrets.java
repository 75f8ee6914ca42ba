package org.shgledger.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The secrets of the server's users: new bearer tokens and passwords, and what is stored of them.
 *
 * <p>A token is 256 random bits, which no one can guess or search: storing its SHA-256 is enough,
 * and looking it up costs one hash. A password is chosen from far fewer possibilities, so it is
 * stored as an Argon2id hash (memory-hard: a stolen table is slow to search on any hardware), with
 * its salt and parameters, in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}.
 * The parameters are OWASP's first recommendation for Argon2id (19 MiB, 2 passes, 1 lane).
 */
public final class Secrets {

  /** The prefix that tells a token apart from a password in a log or a shell history. */
  public static final String TOKEN_PREFIX = "shg_";

  private static final int TOKEN_BYTES = 32;
  private static final int PASSWORD_BYTES = 15;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Encoder PHC = Base64.getEncoder().withoutPadding();

  private Secrets() {}

  /**
   * A new bearer token: {@value #TOKEN_PREFIX} and 256 random bits in URL-safe base64.
   *
   * @return the token, shown to its user once and never stored
   */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return TOKEN_PREFIX + URL.encodeToString(bytes);
  }

  /**
   * A new one-time password: 120 random bits in URL-safe base64 (20 characters).
   *
   * @return the password, shown to its user once and never stored
   */
  public static String newPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    RANDOM.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  /**
   * What is stored of a token: its SHA-256 in lower-case hex.
   *
   * @param token the token, not null
   * @return 64 hex digits
   */
  public static String tokenHash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * What is stored of a password: its Argon2id hash with a new random salt, in PHC string form.
   *
   * @param password the password, not null
   * @return the PHC string, such as {@code $argon2id$v=19$m=19456,t=2,p=1$...$...}
   */
  public static String passwordHash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + PHC.encodeToString(salt) + "$" + PHC.encodeToString(hash);
  }

  /**
   * Whether a password is the one a stored hash was made from, compared in constant time.
   *
   * @param password the password given, not null
   * @param stored a hash from {@link #passwordHash}, not null
   * @return true if it matches; false for another password or a malformed hash
   */
  public static boolean passwordMatches(String password, String stored) {
    String[] parts = stored.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      String[] parameters = parts[3].split(",");
      int memory = Integer.parseInt(parameters[0].substring(2));
      int iterations = Integer.parseInt(parameters[1].substring(2));
      int parallelism = Integer.parseInt(parameters[2].substring(2));
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      byte[] actual = argon2id(password, salt, memory, iterations, parallelism);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .build());
    byte[] hash = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
    return hash;
  }
}
