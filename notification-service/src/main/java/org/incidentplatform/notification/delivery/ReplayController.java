package org.incidentplatform.notification.delivery;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator sends a dead-lettered delivery again once its receiver works. The switch from
 * DEAD_LETTERED to PENDING is atomic, so replaying twice (a double click, a retried request)
 * queues it once; the worker then sends it like any other delivery.
 */
@RestController
class ReplayController {

    private final DeliveryLog deliveries;
    private final Clock clock;

    ReplayController(DeliveryLog deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/deliveries/{deliveryId}/replay")
    ResponseEntity<Delivery> replay(@PathVariable @Size(max = 500) String deliveryId) {
        return deliveries.replay(deliveryId, clock.instant())
                .map(replayed -> ResponseEntity.accepted().body(replayed))
                .orElseThrow(() -> {
                    Delivery existing = deliveries.find(deliveryId).orElseThrow(() -> DeliveryController.notFound(deliveryId));
                    return new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT, "Only a dead-lettered delivery can be replayed; " + deliveryId
                                    + " is " + existing.status()), null);
                });
    }
}
