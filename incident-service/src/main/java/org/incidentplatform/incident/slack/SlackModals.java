package org.incidentplatform.incident.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.schedules.OnCall;

/**
 * The modals behind the buttons and {@code /incident}: each names the incident in its private
 * metadata and reads its answers back from the submitted view state. Everything shown that people
 * typed is {@code plain_text}, which Slack never parses.
 */
final class SlackModals {

    static final String RESOLVE = "incident.resolve.modal";
    static final String UPDATE = "incident.update.modal";
    static final String PAGE = "incident.page.modal";
    static final String DECLARE = "incident.declare.modal";

    static final String TEXT = "text";
    static final String STATUS = "status";
    static final String VISIBILITY = "visibility";
    static final String TARGET = "target";
    static final String SEVERITY = "severity";
    private static final int LISTED = 100;

    private SlackModals() {
    }

    static View resolve(String incidentId, String title) {
        return modal(RESOLVE, "Resolve incident", "Resolve", incidentId, List.of(
                section(s -> s.text(plain(title, 2_900))),
                input(i -> i.blockId(TEXT).label(plain("Resolution", 2_000)).element(plainTextInput(t -> t.actionId(TEXT)
                        .multiline(true).maxLength(4_000).placeholder(plain("What fixed it?", 150)))))));
    }

    static View update(String incidentId, String title) {
        List<OptionObject> statuses = Arrays.stream(ProgressStatus.values())
                .map(s -> option(plain(capitalised(s.name()), 75), s.name())).toList();
        List<OptionObject> visibilities = List.of(option(plain("Internal (responders only)", 75), "internal"),
                option(plain("Public (status page)", 75), "public"));
        return modal(UPDATE, "Post an update", "Post", incidentId, List.of(
                section(s -> s.text(plain(title, 2_900))),
                input(i -> i.blockId(STATUS).label(plain("Status", 2_000)).element(staticSelect(e -> e.actionId(STATUS)
                        .options(statuses).initialOption(statuses.getFirst())))),
                input(i -> i.blockId(TEXT).label(plain("Update", 2_000)).element(plainTextInput(t -> t.actionId(TEXT)
                        .multiline(true).maxLength(4_000)))),
                input(i -> i.blockId(VISIBILITY).label(plain("Who sees it", 2_000)).element(radioButtons(r -> r
                        .actionId(VISIBILITY).options(visibilities).initialOption(visibilities.getFirst()))))));
    }

    /** Schedules (their on-call) and people, at most 100 of each, as Slack's select allows. */
    static View page(String incidentId, String title, List<OnCall.Schedule> schedules, List<Person> people) {
        List<OptionObject> options = new ArrayList<>();
        schedules.stream().limit(LISTED).forEach(s -> options.add(option(plain("On call: " + s.name(), 75), "SCHEDULE:" + s.id())));
        people.stream().limit(LISTED).forEach(p -> options.add(option(plain(p.name(), 75), "PERSON:" + p.id())));
        if (options.isEmpty()) {
            return view(v -> v.type("modal").callbackId(PAGE).title(viewTitle(t -> t.type("plain_text").text("Page someone")))
                    .close(viewClose(c -> c.type("plain_text").text("Close"))).privateMetadata(incidentId)
                    .blocks(List.of(section(s -> s.text(plain("There is nobody to page yet: add people and schedules"
                            + " first (docs/oncall.md).", 2_900))))));
        }
        return modal(PAGE, "Page someone", "Page", incidentId, List.of(
                section(s -> s.text(plain(title, 2_900))),
                input(i -> i.blockId(TARGET).label(plain("Whom", 2_000)).element(staticSelect(e -> e.actionId(TARGET)
                        .options(options.subList(0, Math.min(options.size(), LISTED))))))));
    }

    static View declare(String title) {
        List<OptionObject> severities = Arrays.stream(Severity.values()).map(s -> option(plain(s.name(), 75), s.name())).toList();
        return modal(DECLARE, "Declare an incident", "Declare", "", List.of(
                input(i -> i.blockId(TEXT).label(plain("Title", 2_000)).element(plainTextInput(t -> t.actionId(TEXT)
                        .maxLength(200).initialValue(title == null ? "" : title)))),
                input(i -> i.blockId(SEVERITY).label(plain("Severity", 2_000)).element(staticSelect(e -> e.actionId(SEVERITY)
                        .options(severities).initialOption(severities.get(1)))))));
    }

    /** The typed or selected value of one input, empty when left blank. */
    static Optional<String> value(View submitted, String blockId) {
        Map<String, Map<String, ViewState.Value>> values = submitted.getState() == null ? null : submitted.getState().getValues();
        if (values == null || values.get(blockId) == null || values.get(blockId).get(blockId) == null) {
            return Optional.empty();
        }
        ViewState.Value value = values.get(blockId).get(blockId);
        String raw = value.getSelectedOption() != null ? value.getSelectedOption().getValue() : value.getValue();
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    private static View modal(String callbackId, String title, String submit, String incidentId, List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(incidentId)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static PlainTextObject plain(String text, int limit) {
        return plainText(p -> p.text(SlackText.limit(text, limit)).emoji(false));
    }

    private static String capitalised(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase();
    }
}
