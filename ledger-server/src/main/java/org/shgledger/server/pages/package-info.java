/**
 * What the coordinators' pages show (docs/server.md, "The pages"): the words of their chrome in the
 * user's language and the rows of their tables, as plain values that the precompiled jte templates
 * (src/main/jte) read. The templates escape every value as HTML; the one exception is a report's
 * fragment, which the report source escaped already.
 */
package org.shgledger.server.pages;
