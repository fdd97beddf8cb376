package org.incidentplatform.timeline.live;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.timeline.entries.EntryRecorded;
import org.incidentplatform.timeline.rendering.EntryView;
import org.incidentplatform.timeline.rendering.RequestOptions;
import org.incidentplatform.timeline.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open Server-Sent-Event streams. Entries are pushed from one worker thread, never from
 * the Kafka listener, so a slow client cannot hold up the projection; the same thread sends
 * the heartbeats. A stream leaves the set when it completes, times out or fails to write, which
 * also gives its place back to the subscriber limit.
 */
@Component
class LiveStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Semaphore places;
    private final LiveProperties properties;
    private final JsonMapper json;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("timeline-live").daemon().factory());

    LiveStreams(LiveProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.places = new Semaphore(properties.maxSubscribers());
        long every = properties.heartbeat().toMillis();
        worker.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(Optional<String> incidentId, RequestOptions options) {
        if (!places.tryAcquire()) {
            throw Problems.unavailable("Too many live subscribers", "This instance already serves "
                    + properties.maxSubscribers() + " live streams; retry after the number of seconds in Retry-After.",
                    RETRY_AFTER_SECONDS);
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Subscription subscription = new Subscription(emitter, incidentId, options);
        subscriptions.add(subscription);
        emitter.onCompletion(() -> remove(subscription));
        emitter.onTimeout(() -> {
            remove(subscription);
            emitter.complete();
        });
        emitter.onError(failure -> remove(subscription));
        // Tells the client it is subscribed: entries stored from now on will reach it.
        send(subscription, SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    int subscriberCount() {
        return subscriptions.size();
    }

    @EventListener
    void on(EntryRecorded recorded) {
        worker.execute(() -> subscriptions.stream().filter(s -> s.wants(recorded.entry())).forEach(s -> send(s,
                SseEmitter.event().id(recorded.entry().eventId()).name("entry")
                        .data(json.writeValueAsString(EntryView.of(recorded.entry(), s.options().zone()))))));
    }

    private void heartbeat() {
        subscriptions.forEach(s -> send(s, SseEmitter.event().comment("heartbeat")));
    }

    private void send(Subscription subscription, SseEmitter.SseEventBuilder event) {
        try {
            subscription.emitter().send(event);
        } catch (Exception gone) {
            // The client went away (or the stream already ended): forget it and free its place.
            log.debug("Dropping a live stream that could not be written to: {}", gone.toString());
            remove(subscription);
            try {
                subscription.emitter().complete();
            } catch (RuntimeException alreadyClosed) {
                log.trace("Stream already closed", alreadyClosed);
            }
        }
    }

    private void remove(Subscription subscription) {
        if (subscriptions.remove(subscription)) {
            places.release();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        subscriptions.forEach(s -> {
            remove(s);
            s.emitter().complete();
        });
    }
}
