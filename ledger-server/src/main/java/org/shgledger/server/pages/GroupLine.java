package org.shgledger.server.pages;

/**
 * A group on the page of one's groups.
 *
 * @param code the group's code, not null
 * @param name the group's name, not null
 * @param grade its grade over the last twelve months (A, B or C), not null
 * @param lastMeeting the date of its last meeting, or empty text if it has held none, not null
 */
public record GroupLine(String code, String name, String grade, String lastMeeting) {}
