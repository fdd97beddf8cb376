/**
 * Real infrastructure that runs inside a JVM: a single-node KRaft Kafka broker built from the
 * Apache Kafka jars, and a MongoDB wire-protocol server (mongo-java-server) that is either
 * file-backed, so a restart keeps everything, or in memory for tests. Used by the local stack
 * and by the test suites; deployed services use an external Kafka and MongoDB instead.
 */
package org.incidentplatform.embedded;
