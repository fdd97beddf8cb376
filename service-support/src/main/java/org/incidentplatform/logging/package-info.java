/**
 * One log event, one line: control characters and line separators in log messages and exception
 * messages are escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u2028}, ...), so text a caller
 * sent (a title, a label, a path) cannot forge or split log lines. Stack trace frames still take
 * one line each.
 *
 * <p>{@link EscapedLogDefaults} replaces Logback's {@code %m}/{@code %msg}/{@code %message}
 * converter for every pattern and makes Spring Boot's exception conversion word {@code %escEx};
 * every service gets it from service-support without a logging configuration of its own.
 *
 * <p>{@link OutageLog} is the one WARN line, at most every ten seconds, for a store outage that
 * requests are being answered 503 for.
 */
package org.incidentplatform.logging;
