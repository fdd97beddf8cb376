package org.incidentplatform.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    static final int MAX_LISTED = 200;

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * One page of the log, oldest first within the page: the newest {@code limit} deliveries that
     * match, or those before {@code cursor}. {@code nextCursor} fetches the page before this one.
     */
    record DeliveryPage(List<Delivery> deliveries, String nextCursor) {
    }

    @GetMapping
    DeliveryPage deliveries(
            @RequestParam(required = false) @Size(max = 200) String incidentId,
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,30}") String channel,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Size(max = 1000) String cursor,
            @RequestParam(defaultValue = "200") @Min(1) @Max(MAX_LISTED) int limit) {
        DeliveryCursor after;
        try {
            after = cursor == null ? null : DeliveryCursor.decode(cursor);
        } catch (IllegalArgumentException bad) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage()), bad);
        }
        List<Delivery> newestFirst = deliveries.find(
                new DeliveryQuery(incidentId, channel, status, from, to, after, limit).toMongo());
        boolean more = newestFirst.size() > limit;
        List<Delivery> page = more ? newestFirst.subList(0, limit) : newestFirst;
        String next = more ? new DeliveryCursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        return new DeliveryPage(page.reversed(), next);
    }

    @GetMapping("/{deliveryId}")
    Delivery delivery(@PathVariable @Size(max = 500) String deliveryId) {
        return deliveries.find(deliveryId).orElseThrow(() -> notFound(deliveryId));
    }

    static ErrorResponseException notFound(String deliveryId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No delivery " + deliveryId), null);
    }
}
