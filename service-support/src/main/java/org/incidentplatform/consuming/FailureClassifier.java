package org.incidentplatform.consuming;

import java.util.Set;

/**
 * Tells a listener failure that goes away by itself (MongoDB or Kafka unreachable, a timeout, a
 * concurrent writer) from one that fails the same way on every try (a document over MongoDB's
 * size limit, a validation error, a bug). Classes are matched by name along the cause chain and
 * each class's superclasses, so this module needs neither driver on its class path to decide.
 */
final class FailureClassifier {

    /** Failures of the infrastructure, not of the record: retrying later can succeed. */
    private static final Set<String> TRANSIENT = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.net.SocketException",
            "java.net.SocketTimeoutException",
            "java.net.UnknownHostException",
            "java.net.http.HttpTimeoutException",
            "java.util.concurrent.TimeoutException",
            "java.io.IOException",
            "java.io.UncheckedIOException");

    private FailureClassifier() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isUnreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnreadableEventException) {
                return true;
            }
        }
        return false;
    }
}
