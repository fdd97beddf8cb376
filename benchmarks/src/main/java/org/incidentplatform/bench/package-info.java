/**
 * The benchmark harness (docs/benchmarks.md): drives our platform and Prometheus Alertmanager with
 * the same alerts in one run and measures intake, alert-to-notification latency, bursts, projection
 * rebuilds and resource use. Speed is recorded here, never asserted by the test suite.
 */
package org.incidentplatform.bench;
