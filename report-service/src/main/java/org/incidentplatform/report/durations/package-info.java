/**
 * Key times and durations of an incident, computed from its event log every time they are
 * asked for (never stored), so a back-dated correction or a changed rule shows up in every
 * post-mortem and metric at once. One definition serves post-mortems and metrics alike.
 */
package org.incidentplatform.report.durations;
