package org.shgledger.server.pages;

/**
 * What every page's layout shows around its content: the title, the words in the user's language,
 * who is signed in and the token her forms carry.
 *
 * @param title the page's title, not null
 * @param labels the words, not null
 * @param userName the signed-in user's name, or null on the sign-in page
 * @param role her role's word, or null on the sign-in page
 * @param csrf the token her forms carry (CSRF), or null on the sign-in page
 * @param group the group the page is about, for its links, or null
 */
public record Chrome(String title, Labels labels, String userName, String role, String csrf, String group) {

  /**
   * Whether someone is signed in (the sign-out form and the links are shown).
   *
   * @return true on every page but the sign-in page
   */
  public boolean signedIn() {
    return userName != null;
  }
}
