/**
 * The text readers behind the importers: {@link org.shgledger.importing.text.Dates}, which reads
 * dates strictly in the forms Indian bank exports and registers write.
 *
 * <p><b>Not API.</b> The module {@code org.shgledger.core} does not export this package. The forms
 * a file may use are part of each importer's documented format (docs/import.md), not of this
 * class, so the readers can change with the importers. Amounts are read by {@link
 * org.shgledger.money.MoneyFormats#parse}, which is API.
 */
package org.shgledger.importing.text;
