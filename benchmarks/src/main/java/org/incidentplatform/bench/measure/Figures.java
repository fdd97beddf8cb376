package org.incidentplatform.bench.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named figures of one scenario run for one peer, in the order they were recorded. */
public final class Figures {

    private final Map<String, Double> values = new LinkedHashMap<>();

    public Figures put(String name, double value) {
        values.put(name, value);
        return this;
    }

    public double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    public Map<String, Double> values() {
        return values;
    }

    /** Each figure's median over several runs (the mean of the middle two for an even count). */
    public static Figures median(Collection<Figures> runs) {
        Figures median = new Figures();
        if (runs.isEmpty()) {
            return median;
        }
        for (String name : runs.iterator().next().values.keySet()) {
            List<Double> sorted = new ArrayList<>(runs.stream().map(run -> run.get(name)).toList());
            sorted.sort(Double::compare);
            int size = sorted.size();
            median.put(name, size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2);
        }
        return median;
    }
}
