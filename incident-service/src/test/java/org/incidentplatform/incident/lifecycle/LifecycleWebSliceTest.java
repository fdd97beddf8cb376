package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.incidentplatform.events.IncidentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** How rule violations and bad input become problem details, with the command side mocked. */
@WebMvcTest(controllers = {IncidentLifecycleController.class, ResponseController.class})
@AutoConfigureMockMvc(addFilters = false) // Security has its own tests; this slice is about error mapping.
@ExtendWith(OutputCaptureExtension.class)
class LifecycleWebSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IncidentCommandSender sender;

    @Test
    void aStatusUpdateWithoutMessageIsA400ListingTheField() throws Exception {
        mvc.perform(post("/api/v1/incidents/inc-1/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"investigating\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        verifyNoInteractions(sender);
    }

    @Test
    void aFieldThisApiDoesNotKnowIsA400() throws Exception {
        mvc.perform(post("/api/v1/incidents/inc-1/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"investigating\",\"message\":\"x\",\"statsu\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("statsu")));
    }

    @Test
    void aFutureOccurredAtIsA400() throws Exception {
        mvc.perform(post("/api/v1/incidents/inc-1/notes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
    }

    @Test
    void anUnknownIncidentIsA404() throws Exception {
        when(sender.sendAndAnswer(any(), any())).thenThrow(new AggregateNotFoundException("nope", "not found"));

        mvc.perform(post("/api/v1/incidents/nope/acknowledge"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Incident not found"));
    }

    @Test
    void anIllegalTransitionIsA409NamingTheStatusAndTheAllowedActions() throws Exception {
        when(sender.sendAndAnswer(any(), any())).thenThrow(new IllegalTransitionException(IncidentStatus.RESOLVED,
                IncidentAction.ACKNOWLEDGE, "Only a triggered incident can be acknowledged (it is RESOLVED)"));

        mvc.perform(post("/api/v1/incidents/inc-1/acknowledge"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("RESOLVED"))
                .andExpect(jsonPath("$.allowedActions").isArray())
                .andExpect(jsonPath("$.detail").value("Only a triggered incident can be acknowledged (it is RESOLVED)"));
    }

    @Test
    void anUnreachableEventStoreIsA503WithRetryAfterNotAConflict() throws Exception {
        when(sender.sendAndAnswer(any(), any())).thenThrow(new org.axonframework.eventsourcing.eventstore.EventStoreException(
                "An event could not be stored", new com.mongodb.MongoTimeoutException("Timed out waiting for a server")));

        mvc.perform(post("/api/v1/incidents/inc-1/acknowledge"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Store unavailable"));
    }

    @Test
    void aDuplicateWriteIsStillAConflict(CapturedOutput log) throws Exception {
        when(sender.sendAndAnswer(any(), any())).thenThrow(
                new org.axonframework.modelling.command.ConcurrencyException("version 3 already written"));

        mvc.perform(post("/api/v1/incidents/inc-1/acknowledge"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Concurrent change"));
        assertThat(log.getAll()).contains("Concurrent change, answering 409").contains("version 3 already written");
    }

    @Test
    void aStaleIfMatchIsA412() throws Exception {
        when(sender.sendAndAnswer(any(), any())).thenThrow(new StaleVersionException(3, 5));

        mvc.perform(post("/api/v1/incidents/inc-1/acknowledge").header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(5));
    }

    @Test
    void anIfMatchThatIsNotOurETagIsA400() throws Exception {
        mvc.perform(post("/api/v1/incidents/inc-1/acknowledge").header("If-Match", "\"abc\""))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(sender);
    }
}
