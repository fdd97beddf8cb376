package org.incidentplatform.incident.people;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.incidentplatform.incident.web.InvalidRequestException;

/** A person as an admin writes them, for both create and replace. */
@Schema(example = """
        {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London",
         "contactMethods": [{"type": "EMAIL", "address": "ada@example.com"}, {"type": "SMS", "address": "+447700900123"},
                            {"type": "SLACK", "address": "U024BE7LH"}],
         "notificationRules": [{"type": "SLACK", "afterMinutes": 0}, {"type": "EMAIL", "afterMinutes": 0},
                               {"type": "SMS", "afterMinutes": 2}]}""")
record PersonRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Size(max = 10) List<@Valid @NotNull ContactMethod> contactMethods,
        @Size(max = 10) List<@Valid @NotNull NotificationRule> notificationRules) {

    PersonRequest {
        notificationRules = notificationRules == null ? List.of() : List.copyOf(notificationRules);
    }

    /** The checks bean validation cannot express; a 400 naming the field otherwise. */
    void validate() {
        if (!ContactType.EMAIL.accepts(email)) {
            throw new InvalidRequestException("email must be " + ContactType.EMAIL.described());
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            throw new InvalidRequestException("timeZone must be an IANA time zone such as Europe/Paris");
        }
        Set<ContactType> reachable = new HashSet<>();
        Set<ContactMethod> seen = new HashSet<>();
        for (int i = 0; i < contactMethods.size(); i++) {
            ContactMethod method = contactMethods.get(i);
            if (!method.type().accepts(method.address())) {
                throw new InvalidRequestException("contactMethods[" + i + "].address must be " + method.type().described());
            }
            if (!seen.add(method)) {
                throw new InvalidRequestException("contactMethods[" + i + "] repeats an earlier contact method");
            }
            reachable.add(method.type());
        }
        for (int i = 0; i < notificationRules.size(); i++) {
            if (!reachable.contains(notificationRules.get(i).type())) {
                throw new InvalidRequestException("notificationRules[" + i + "] uses " + notificationRules.get(i).type()
                        + ", which is not among the person's contact methods");
            }
        }
    }
}
