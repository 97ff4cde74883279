package org.ketasim.core.nonmem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.LinearSystem;
import org.ketasim.core.model.PkModel;

/**
 * NONMEM compartment numbers of a ketasim model, and each compartment's default bioavailability,
 * lag and zero-order duration. Numbers follow the state order, which puts the depots first and the
 * central compartment next, as ADVAN2 and ADVAN4 do (depot 1, central 2; without a depot, central
 * 1); the AUC states have none. Overrides assign a number to a state by name. Immutable.
 */
public final class Compartments {

    /** The largest compartment number (CMT has at most two digits). */
    public static final int MAX_NUMBER = 99;

    private final LinearSystem system;
    private final Map<Integer, Integer> stateOf = new LinkedHashMap<>();
    private final Map<Integer, double[]> defaults = new LinkedHashMap<>();

    /**
     * @param individual the model of one patient
     * @param overrides  state name (see {@link LinearSystem#stateNames()}) to compartment number
     * @throws IllegalArgumentException for an unknown state name or a number used twice
     */
    public Compartments(PkModel individual, Map<String, Integer> overrides) {
        this.system = LinearSystem.of(individual);
        List<String> names = system.stateNames();
        Map<Integer, Integer> numbered = new LinkedHashMap<>();
        int next = 1;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).startsWith("auc:")) {
                numbered.put(i, next++);
            }
        }
        overrides.forEach((name, number) -> {
            if (number < 1 || number > MAX_NUMBER) {
                throw new IllegalArgumentException("compartment number " + number + " for '" + name + "' must be from 1 "
                        + "to " + MAX_NUMBER + ", as CMT is");
            }
            int i = names.indexOf(name);
            if (i < 0 || name.startsWith("auc:")) {
                throw new IllegalArgumentException("unknown compartment '" + name + "'; compartments: "
                        + String.join(", ", names.stream().filter(n -> !n.startsWith("auc:")).toList()));
            }
            numbered.put(i, number);
        });
        numbered.forEach((state, number) -> {
            if (stateOf.put(number, state) != null) {
                throw new IllegalArgumentException("compartment number " + number + " is given to two states");
            }
            defaults.put(number, new double[] {1, 0, 0});
        });
        individual.routes().forEach((route, paths) -> {
            List<org.ketasim.core.model.InputChannel> channels = system.channels(route);
            for (int j = 0; j < paths.size(); j++) {
                Absorption a = paths.get(j);
                numberOf(channels.get(j).stateIndex()).ifPresent(number ->
                        defaults.put(number, new double[] {a.bioavailability(), a.lagH(), a.zeroOrderH()}));
            }
        });
    }

    /** @return the system the numbers refer to */
    public LinearSystem system() {
        return system;
    }

    /**
     * @param number a compartment number
     * @return the state index, if the number is a compartment
     */
    public Optional<Integer> state(int number) {
        return Optional.ofNullable(stateOf.get(number));
    }

    /**
     * @param state a state index
     * @return its compartment number, empty for a state without one (the AUC states)
     */
    public Optional<Integer> numberOf(int state) {
        return stateOf.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).findFirst();
    }

    /** @param number compartment number @return default bioavailability F */
    double defaultBioavailability(int number) {
        return defaults.get(number)[0];
    }

    /** @param number compartment number @return default lag (h) */
    double defaultLag(int number) {
        return defaults.get(number)[1];
    }

    /** @param number compartment number @return default zero-order duration (h), 0 for none */
    double defaultDuration(int number) {
        return defaults.get(number)[2];
    }

    /** @return each compartment number with its state name, for messages and documentation */
    public Map<Integer, String> names() {
        Map<Integer, String> out = new LinkedHashMap<>();
        stateOf.forEach((number, state) -> out.put(number, system.stateNames().get(state)));
        return out;
    }
}
