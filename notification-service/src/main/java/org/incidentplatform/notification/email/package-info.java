/**
 * E-mail: incident updates over SMTP (Spring Mail) as multipart plain text and HTML rendered from
 * templates with escaped values, threaded per incident by Message-ID, In-Reply-To and References.
 */
package org.incidentplatform.notification.email;
