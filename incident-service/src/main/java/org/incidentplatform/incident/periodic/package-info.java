/** Background work each instance repeats at a fixed delay (a shared base for the timer-like features). */
package org.incidentplatform.incident.periodic;
