package org.incidentplatform.report.postmortem;

import java.util.List;
import java.util.Locale;
import org.incidentplatform.report.web.BadRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The three renderings of a post-mortem, chosen by {@code ?format=} first, else by the Accept header. */
enum PostmortemFormat {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8)),
    HTML(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8));

    final MediaType mediaType;

    PostmortemFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static PostmortemFormat choose(String format, String accept) {
        if (format != null) {
            try {
                return valueOf(format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw BadRequest.parameter("format", "format must be one of json, markdown, html");
            }
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException malformed) {
            throw BadRequest.parameter("Accept", "The Accept header is not a list of media types");
        }
        // Highest quality first; at equal quality a concrete type beats a wildcard.
        acceptable = acceptable.stream()
                .sorted(java.util.Comparator.<MediaType>comparingDouble(MediaType::getQualityValue).reversed()
                .thenComparing(MediaType::isWildcardType).thenComparing(MediaType::isWildcardSubtype)).toList();
        for (MediaType wanted : acceptable) {
            if (wanted.getQualityValue() == 0) {
                continue;
            }
            for (PostmortemFormat candidate : values()) {
                if (wanted.includes(candidate.mediaType.removeQualityValue())) {
                    return candidate;
                }
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
                "A post-mortem is available as application/json, text/markdown or text/html");
        problem.setTitle("Not acceptable");
        throw new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, problem, null);
    }
}
