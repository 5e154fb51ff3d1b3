package io.milestones.registration.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the writing request is stored
 * with the event, and the relay sends the event inside a span that continues it. Without a tracer
 * (tracing off) both ends do nothing.
 */
@Component
class TraceParents {

    static final String HEADER = "traceparent";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    /**
     * Looked up once: resolving the beans through the providers for every event took a fifth of the
     * relay thread (benchmark B4).
     */
    private volatile Tools tools;

    private record Tools(Tracer tracer, Propagator propagator) {}

    TraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as a {@code traceparent} value, or {@code null}. */
    String current() {
        Tracer t = tools().tracer();
        Propagator p = tools().propagator();
        if (t == null || p == null || t.currentTraceContext().context() == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(t.currentTraceContext().context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Runs {@code work} in a span continuing {@code traceParent} (a new trace when absent). */
    <T> T continuing(String traceParent, String name, Supplier<T> work) {
        Tracer t = tools().tracer();
        Propagator p = tools().propagator();
        if (t == null || p == null) {
            return work.get();
        }
        Span span =
                traceParent == null
                        ? t.nextSpan().name(name).start()
                        : p.extract(Map.of(HEADER, traceParent), Map::get).name(name).start();
        try (var scope = t.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }

    private Tools tools() {
        Tools resolved = tools;
        if (resolved == null) {
            resolved = new Tools(tracer.getIfAvailable(), propagator.getIfAvailable());
            tools = resolved;
        }
        return resolved;
    }
}
