package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A schedule as an admin writes it, for both create and replace; overrides have their own endpoint. */
@Schema(example = """
        {"name": "Database primary", "description": "Weekly, hand-off Monday 09:00 Paris time",
         "layers": [{"name": "primary", "zone": "Europe/Paris", "firstHandoff": "2026-03-23T09:00", "shiftLength": "P1W",
                     "participants": ["per-3f1b2c4d5e6f", "per-9a8b7c6d5e4f"]}]}""")
record ScheduleRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Layer> layers) {

    void validate() {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).validate(i);
        }
    }
}
