package org.shgledger.programme;

/** Where the response to an incident stands; a change is a new event, the history is kept. */
public enum IncidentStatus {
  /** The group reported it to the unit. */
  REPORTED,
  /** The unit referred the survivor to a service. */
  REFERRED,
  /** A service is working on it. */
  IN_PROGRESS,
  /** The response is over. */
  CLOSED
}
