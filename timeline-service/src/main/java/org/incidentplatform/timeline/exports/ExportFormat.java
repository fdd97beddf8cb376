package org.incidentplatform.timeline.exports;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.incidentplatform.timeline.web.InvalidParameterException;
import org.incidentplatform.timeline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The formats a timeline exports to, chosen by {@code format} or else by the Accept header. */
enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(MediaType.parseMediaType("text/markdown;charset=UTF-8")),
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"));

    final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** An explicit {@code format} wins; without one, the first acceptable type by quality. */
    static ExportFormat choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("format", "must be one of json, markdown, csv");
            }
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new InvalidParameterException("Accept", "not a valid media type list");
        }
        return accepted.stream()
                .filter(type -> type.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .flatMap(type -> List.of(values()).stream().filter(f -> type.isCompatibleWith(f.mediaType)).limit(1))
                .findFirst()
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                        "A timeline is available as application/json, text/markdown or text/csv"));
    }
}
