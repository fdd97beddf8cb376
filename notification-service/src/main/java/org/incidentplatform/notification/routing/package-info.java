/**
 * Routing: which incident events go to which {@code channel:target}. Rules match on event type,
 * severity, affected service or component, incident status and visibility; they start from
 * {@code notifications.routing.rules} and are edited at {@code /api/v1/admin/routing-rules}
 * (admin scope), every edit appended to {@code routing_rule_changes} with who, when, before and
 * after. Severity, services and status come from the per-incident state in {@code incident}.
 */
package org.incidentplatform.notification.routing;
