package org.ketasim.core.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sweep: base scenarios and axes. The grid is the bases times the axes: point {@code k} takes
 * the base and, on each axis, the value at the k-th position of their mixed-radix count, the last
 * axis counting fastest and the base slowest. Points are computed from their index, as scenario
 * values varied with withers, so a grid of any size needs no memory and no file is re-read.
 * Immutable and thread-safe.
 *
 * @param file  the sweep file
 * @param id    the sweep id
 * @param bases the base scenarios, at least one
 * @param axes  the axes, in file order
 * @param seed  the master seed of the populations (the same at every point, so points differ only
 *              by their axes)
 */
public record Sweep(Path file, String id, List<Base> bases, List<SweepAxis> axes, long seed) {

    /** The default most patients a sweep may simulate (see {@link #patients()}): its points, with their populations. */
    public static final long DEFAULT_MAX_POINTS = 10_000_000;

    /**
     * One base scenario.
     *
     * @param name     its path relative to the sweep file's folder, as in the {@code scenario} column
     * @param scenario the scenario
     */
    public record Base(String name, Scenario scenario) {
    }

    /** Copies the lists. */
    public Sweep {
        bases = List.copyOf(bases);
        axes = List.copyOf(axes);
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs a base scenario");
        }
    }

    /**
     * @return the number of grid points (the number of bases times the product of the axes' sizes)
     * @throws ArithmeticException if it does not fit in a long
     */
    public long points() {
        long n = bases.size();
        for (SweepAxis a : axes) {
            n = Math.multiplyExact(n, a.values().size());
        }
        return n;
    }

    /**
     * @param index the point, 0 to {@link #points()} - 1
     * @return each axis's value at that point, in axis order, as written
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
     * @return how many patients the sweep simulates: each point's typical patient, and with a
     *         {@code subjects} axis its population too
     * @throws ArithmeticException if the number does not fit in a long
     */
    public long patients() {
        for (SweepAxis axis : axes) {
            if (axis.field() == SweepAxis.Field.SUBJECTS) {
                long perValue = points() / axis.values().size();
                long each = axis.values().stream().mapToLong(v -> 1L + Integer.parseInt(v)).sum();
                return Math.multiplyExact(perValue, each);
            }
        }
        return points();
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
     * @return the base scenario with the point's values
     * @throws IllegalArgumentException if an axis finds nothing to vary in the point's base
     */
    public Scenario scenario(long index) {
        Scenario s = base(index).scenario();
        List<String> values = values(index);
        for (int a = 0; a < axes.size(); a++) {
            SweepAxis.Field field = axes.get(a).field();
            SweepAxis.Applied applied = field.apply(s, values.get(a));
            if (applied.places() == 0) {
                throw new IllegalArgumentException(field.key() + ": the base scenario has no dose whose " + field.key()
                        + " this axis could vary");
            }
            s = applied.scenario();
        }
        return s;
    }
}
