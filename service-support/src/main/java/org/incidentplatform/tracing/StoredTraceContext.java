package org.incidentplatform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Continues a trace from a stored {@code traceparent}: runs work in a new span whose parent is
 * the stored context, so the work joins the trace of whatever caused it (a request, a consumed
 * record) even when it runs much later on another thread. Without a stored context the work gets
 * a trace of its own.
 */
public class StoredTraceContext {

    private final Tracer tracer;
    private final Propagator propagator;

    public StoredTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code work} in span {@code name}, a child of {@code traceparent} when it is valid. */
    public <T> T inChildSpan(String traceparent, String name, Supplier<T> work) {
        Span span = Traceparent.isValid(traceparent)
                ? propagator.extract(Map.of(Traceparent.HEADER, traceparent), Map::get).name(name).start()
                : tracer.nextSpan().name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    /** {@link #inChildSpan(String, String, Supplier)} for work without a result. */
    public void runInChildSpan(String traceparent, String name, Runnable work) {
        inChildSpan(traceparent, name, () -> {
            work.run();
            return null;
        });
    }
}
