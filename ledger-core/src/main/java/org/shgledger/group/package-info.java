/**
 * The savings-group engine: a Self Help Group's members, meetings, savings, loans, fines and
 * year-end closing, each operation turned into one balanced journal entry by {@link
 * org.shgledger.group.SavingsGroups}.
 *
 * <p>Every posting that reaches a group's book passes the engine's rules, including the bank lines
 * an import brings ({@link org.shgledger.group.GroupOperation}). A refused operation throws {@link
 * org.shgledger.group.GroupException} with a named {@link org.shgledger.group.GroupRejection} and
 * leaves no trace; entry ids are idempotency keys. The group's records beside the books (members,
 * loans, meetings) are kept in a {@link org.shgledger.group.GroupRegistry}, in memory or in the
 * store, and written in the same {@link org.shgledger.group.UnitOfWork} as the entry.
 * docs/engine.md lists the accounts each operation debits and credits.
 */
package org.shgledger.group;
