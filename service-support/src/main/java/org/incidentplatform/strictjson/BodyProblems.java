package org.incidentplatform.strictjson;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The 400 problem detail for a request body that cannot be read: what is wrong, and where, as a
 * path ({@code alerts[2].startsAt}) and a JSON pointer ({@code /alerts/2/startsAt}). Never echoes
 * the offending value, which may be huge or not printable.
 */
public final class BodyProblems {

    private static final int MAX_PATH = 200;

    private BodyProblems() {
    }

    public static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        DatabindException databind = databindCause(ex);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        if (databind == null || databind.getPath().isEmpty()) {
            problem.setDetail("The request body is not valid JSON for this endpoint: " + firstLine(originalMessage(ex)));
            return problem;
        }
        String field = clip(path(databind.getPath()));
        String message = describe(databind);
        problem.setDetail("The request body is not valid for this endpoint: '" + field + "' " + message + ".");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("pointer", clip(pointer(databind.getPath())));
        error.put("message", message);
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    /**
     * One line for a body a controller parsed itself: {@code 'payload.severity' must be a string},
     * or the parser's own first line when no field is to blame (broken JSON).
     */
    public static String explain(JacksonException e) {
        if (e instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "'" + clip(path(databind.getPath())) + "' " + describe(databind);
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String describe(DatabindException e) {
        if (e instanceof UnacceptableTextException text) {
            return text.getOriginalMessage().replaceFirst("^Unacceptable [a-z ]+: ", "");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has a wrong type or format";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (Temporal.class.isAssignableFrom(target) || java.time.Duration.class == target) {
            return "must be an ISO-8601 string, e.g. 2026-11-21T09:39:30Z";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (!target.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has a wrong type or format";
    }

    private static DatabindException databindCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind) {
                return databind;
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String pointer(List<JacksonException.Reference> references) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                pointer.append('/').append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String originalMessage(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        return cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String clip(String value) {
        return value.length() > MAX_PATH ? value.substring(0, MAX_PATH) + "..." : value;
    }
}
