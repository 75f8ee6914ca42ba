package org.shgledger.server.pages;

/**
 * A group's row in a unit's grading table.
 *
 * @param code the group's code, not null
 * @param name the group's name, not null
 * @param meetings meetings held of those expected, such as {@code 11/12}, not null
 * @param score its score out of 100, not null
 * @param grade its grade, not null
 * @param ready whether it is ready for a bank loan
 */
public record GradeLine(String code, String name, String meetings, String score, String grade, boolean ready) {}
