package org.ketasim.core.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A sweep: base scenarios and axes, read by {@link SweepLoader}. The grid is the bases times the
 * axes: point {@code k} takes the base and, on each axis, the value at the k-th position of their
 * mixed-radix count, the last axis counting fastest and the base slowest. Points are computed from
 * their index, so a grid of any size needs no memory. Immutable and thread-safe.
 *
 * @param file     the sweep file
 * @param id       the sweep id
 * @param bases    the base scenarios, at least one
 * @param axes     the axes, in file order
 * @param seed     the master seed of the populations (the same at every point, so points differ only by
 *                 their axes)
 */
public record Sweep(Path file, String id, List<Base> bases, List<SweepAxis> axes, long seed) {

    /**
     * One base scenario.
     *
     * @param file its file
     * @param name its path relative to the sweep file's folder, as in the {@code scenario} column
     * @param text its text
     */
    public record Base(Path file, String name, String text) {
    }

    /** Copies the lists. */
    public Sweep {
        bases = List.copyOf(bases);
        axes = List.copyOf(axes);
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs a base scenario");
        }
    }

    /** @return the number of grid points (the number of bases times the product of the axes' sizes) */
    public long points() {
        long n = bases.size();
        for (SweepAxis a : axes) {
            n = Math.multiplyExact(n, a.values().size());
        }
        return n;
    }

    /**
     * @param index the point, 0 to {@link #points()} - 1
     * @return each axis's value at that point, in axis order
     */
    public List<String> values(long index) {
        String[] out = new String[axes.size()];
        long rest = checked(index);
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<String> v = axes.get(a).values();
            out[a] = v.get((int) (rest % v.size()));
            rest /= v.size();
        }
        return List.of(out);
    }

    /**
     * @param index the point
     * @return its base scenario
     */
    public Base base(long index) {
        long perBase = points() / bases.size();
        return bases.get((int) (checked(index) / perBase));
    }

    private long checked(long index) {
        if (index < 0 || index >= points()) {
            throw new IndexOutOfBoundsException("point " + index + " of " + points());
        }
        return index;
    }

    /**
     * @param index the point
     * @return its population size, if the sweep has a {@code subjects} axis
     */
    public Optional<Integer> subjects(long index) {
        List<String> values = values(index);
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).field() == SweepAxis.Field.SUBJECTS) {
                return Optional.of(Integer.parseInt(values.get(a)));
            }
        }
        return Optional.empty();
    }

    /**
     * @param index the point
     * @return the base scenario with the point's values written in, as scenario YAML
     * @throws IllegalArgumentException if an axis finds nothing to vary in the point's base
     */
    public String scenarioText(long index) {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(base(index).text());
        List<String> values = values(index);
        for (int a = 0; a < axes.size(); a++) {
            if (apply(root, axes.get(a).field(), values.get(a)) == 0) {
                throw new IllegalArgumentException(axes.get(a).field().key() + ": the base scenario has no dose whose "
                        + axes.get(a).field().key() + " this axis could vary");
            }
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(root);
    }

    /**
     * Writes one value into the scenario tree.
     *
     * @return how many places took it (0 means the base has nothing this axis could vary)
     */
    @SuppressWarnings("unchecked")
    static int apply(Map<String, Object> root, SweepAxis.Field field, String value) {
        switch (field) {
            case WEIGHT -> {
                ((Map<String, Object>) root.computeIfAbsent("patient", k -> new LinkedHashMap<>())).put("weight", value);
                return 1;
            }
            case ROUTE -> {
                ((Map<String, Object>) root.computeIfAbsent("regimen", k -> new LinkedHashMap<>())).put("route", value);
                return 1;
            }
            case MODEL -> {
                root.put("model", value);
                return 1;
            }
            case SUBJECTS -> {
                return 1;
            }
            default -> {
                int places = 0;
                for (Map<String, Object> dose : doses(root)) {
                    places += applyToDose(dose, field, value);
                }
                return places;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> doses(Map<String, Object> root) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (root.get("regimen") instanceof Map<?, ?> regimen && regimen.get("doses") instanceof List<?> doses) {
            for (Object d : doses) {
                if (d instanceof Map<?, ?> dose) {
                    out.add((Map<String, Object>) dose);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int applyToDose(Map<String, Object> dose, SweepAxis.Field field, String value) {
        if (dose.get("infusion") instanceof Map<?, ?> raw) {
            Map<String, Object> infusion = (Map<String, Object>) raw;
            boolean schedule = infusion.containsKey("start");
            switch (field) {
                case START, INCREMENT, EVERY, MAX -> {
                    if (schedule) {
                        infusion.put(field.key(), value);
                        return 1;
                    }
                }
                case RATE -> {
                    if (!schedule) {
                        infusion.put("rate", value);
                        return 1;
                    }
                }
                case DURATION -> {
                    infusion.put("duration", value);
                    return 1;
                }
                default -> {
                    return 0;
                }
            }
            return 0;
        }
        if (dose.get("titration") instanceof Map<?, ?> raw) {
            Map<String, Object> rule = (Map<String, Object>) raw;
            switch (field) {
                case START, EVERY, MAX, DURATION -> {
                    rule.put(field.key(), value);
                    return 1;
                }
                case INCREMENT -> {
                    rule.put("step", value);
                    return 1;
                }
                default -> {
                    return 0;
                }
            }
        }
        return 0;
    }
}
