/**
 * Importing a bank passbook or statement export into a group's bank account (1100): {@link
 * org.shgledger.importing.passbook.PassbookProfile} knows each bank's layout, {@link
 * org.shgledger.importing.passbook.PassbookReader} reads and reconciles the lines as a stream,
 * {@link org.shgledger.importing.passbook.PassbookRules} picks the other account from the
 * narration, and {@link org.shgledger.importing.passbook.PassbookImporter} checks the whole file
 * and then records it, all or nothing, with ids that make re-importing safe. docs/import.md
 * describes the profiles, the rules file and the guarantees.
 */
package org.shgledger.importing.passbook;
