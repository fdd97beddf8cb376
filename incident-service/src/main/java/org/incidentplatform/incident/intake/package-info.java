/**
 * Alert intake: Alertmanager, Grafana and PagerDuty Events API v2 compatible webhooks.
 *
 * <p>Each payload is validated, normalised into {@link AlertSignal}s and sent, one command per
 * alert, to an {@link AlertStream} aggregate: one per (integration, fingerprint or dedup key),
 * or per Alertmanager group in group mode. The stream decides, under the event store's
 * optimistic locking, whether a firing alert opens an incident (choosing its id), attaches to the
 * open one or only counts as a repeat, so 50 identical concurrent triggers open exactly one
 * incident even across instances. The webhook answers 202 once the stream's events are stored;
 * {@link AlertIncidentLinker}, a sink of the event relay, then opens, attaches, acknowledges and
 * resolves incidents from those events, retrying until it succeeds.
 */
package org.incidentplatform.incident.intake;
