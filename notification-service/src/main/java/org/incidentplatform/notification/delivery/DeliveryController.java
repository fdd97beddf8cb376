package org.incidentplatform.notification.delivery;

import jakarta.validation.constraints.Size;
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

    private final DeliveryLog deliveries;

    DeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /** The newest deliveries, of one incident or of all, in the order they were created. */
    @GetMapping
    DeliveryList deliveries(@RequestParam(required = false) @Size(max = 200) String incidentId) {
        return new DeliveryList(deliveries.newest(incidentId));
    }

    @GetMapping("/{deliveryId}")
    Delivery delivery(@PathVariable @Size(max = 500) String deliveryId) {
        return deliveries.find(deliveryId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No delivery " + deliveryId), null));
    }
}
