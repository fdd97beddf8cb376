/**
 * What a JSON request body may contain, for every service and every endpoint and webhook.
 *
 * <p>Types are taken literally: no scalar coercion of any kind ({@code {"title": 12}} is not the
 * string "12", {@code {"severity": 1}} is not the second severity, "true" is not a boolean, 1.5 is
 * not an integer). Text must be well-formed UTF-16 (an unpaired surrogate such as
 * {@code "\ud800"} would otherwise be stored as U+FFFD) and may contain no control characters
 * other than tab, line feed and carriage return ({@link TextRules}). Every refusal is a 400 problem
 * detail naming the field ({@link BodyProblems}).
 *
 * <p>The coercion rules apply to the application's one {@code JsonMapper}; the text rules only to
 * untrusted input (request bodies read by Spring MVC, and bodies a controller parses itself through
 * {@link UntrustedInput}), so that history already stored is always readable.
 */
package org.incidentplatform.strictjson;
