/**
 * Importing a group's meeting register and bank passbook together, in date order, in one unit of
 * work: {@link org.shgledger.importing.books.BooksImport}, for groups that lend what they draw
 * from the bank and bank what their meetings collect, which the two imports one after the other
 * cannot take. docs/import.md ("A year of books") gives the order within a day and the limits.
 */
package org.shgledger.importing.books;
