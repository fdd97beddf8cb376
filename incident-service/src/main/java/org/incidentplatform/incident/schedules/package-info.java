/**
 * On-call schedules: layers of rotations (hand-off time and zone, shift length, restrictions) and
 * overrides, and who is on call at any instant. Every edit inserts a new version effective from
 * the moment it is recorded and no version is ever changed, so an answer about the past never
 * changes (an override added today does not change who was on call last Tuesday); the versions
 * double as the audit trail. Calendar feeds (iCalendar) per schedule and per person. Builds on
 * {@code people}; escalation policies read it.
 */
package org.incidentplatform.incident.schedules;
