package org.ketasim.core.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ketasim.core.model.Route;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;

/**
 * One item of {@code regimen.doses}, as written: amounts and rates keep their units (per kg or
 * not) until the scenario is compiled for a patient, so changing the weight never re-reads a
 * file. {@code at} (default 0 h) is when the dose starts; {@code route} (default the regimen's)
 * how it is given.
 */
public sealed interface DoseSpec permits DoseSpec.Bolus, DoseSpec.Infusion, DoseSpec.Schedule, DoseSpec.Steps,
        DoseSpec.Rule {

    /** @return the start time, if written */
    Optional<Quantity> at();

    /** @return the route, if written */
    Optional<Route> route();

    /**
     * @param amount e.g. {@code "10 mg"} or {@code "0.5 mg/kg"}
     * @return a bolus at time 0 by the regimen's route
     */
    public static Bolus bolus(String amount) {
        return new Bolus(Optional.empty(), Optional.empty(), Quantities.parse(amount, Dimension.MASS,
                Dimension.MASS_PER_WEIGHT), Optional.empty());
    }

    /**
     * @param rate     e.g. {@code "20 mg/h"}
     * @param duration e.g. {@code "4 h"}
     * @return a constant infusion from time 0 by the regimen's route
     */
    public static Infusion infusion(String rate, String duration) {
        return new Infusion(Optional.empty(), Optional.empty(), Quantities.parse(rate, Dimension.RATE,
                Dimension.RATE_PER_WEIGHT), Quantities.parse(duration, Dimension.TIME));
    }

    /**
     * @param start     first rate, e.g. {@code "5 mg/h"}
     * @param increment rise per interval
     * @param every     interval
     * @param max       highest rate
     * @param duration  how long
     * @return a titration schedule from time 0 by the regimen's route
     */
    public static Schedule schedule(String start, String increment, String every, String max, String duration) {
        return new Schedule(Optional.empty(), Optional.empty(), Quantities.parse(start, Dimension.RATE,
                Dimension.RATE_PER_WEIGHT), Quantities.parse(increment, Dimension.RATE, Dimension.RATE_PER_WEIGHT),
                Quantities.parse(every, Dimension.TIME), Optional.of(Quantities.parse(max, Dimension.RATE,
                Dimension.RATE_PER_WEIGHT)), Quantities.parse(duration, Dimension.TIME));
    }

    /** @return the start time (h), 0 when not written */
    default double atH() {
        return at().map(Quantity::internalValue).orElse(0.0);
    }

    /**
     * {@code bolus: 10 mg}, or with {@code over: 40 min} a constant-rate infusion of that amount.
     *
     * @param at     start
     * @param route  route
     * @param amount mass or mass per kg
     * @param over   duration over which it is given, if any
     */
    record Bolus(Optional<Quantity> at, Optional<Route> route, Quantity amount, Optional<Quantity> over)
            implements DoseSpec {
        /** Checks that nothing is null. */
        public Bolus {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(over, "over");
        }
    }

    /**
     * {@code infusion: {rate, duration}}: a constant-rate infusion.
     *
     * @param at       start
     * @param route    route
     * @param rate     rate or rate per kg
     * @param duration how long
     */
    record Infusion(Optional<Quantity> at, Optional<Route> route, Quantity rate, Quantity duration)
            implements DoseSpec {
        /** Checks that nothing is null. */
        public Infusion {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(duration, "duration");
        }

        /**
         * @param rate the new rate
         * @return this infusion at that rate
         */
        public Infusion withRate(Quantity rate) {
            return new Infusion(at, route, rate, duration);
        }

        /**
         * @param d the new duration
         * @return this infusion for that long
         */
        public Infusion withDuration(Quantity d) {
            return new Infusion(at, route, rate, d);
        }
    }

    /**
     * {@code infusion: {start, increment, every, max, duration}}: rate {@code min(start + k
     * increment, max)} on {@code [at + k every, at + (k+1) every)} until {@code at + duration}.
     *
     * @param at        start
     * @param route     route
     * @param start     first rate
     * @param increment rise per interval
     * @param every     interval
     * @param max       highest rate, if any
     * @param duration  how long
     */
    record Schedule(Optional<Quantity> at, Optional<Route> route, Quantity start, Quantity increment, Quantity every,
                    Optional<Quantity> max, Quantity duration) implements DoseSpec {
        /** Checks that nothing is null. */
        public Schedule {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(increment, "increment");
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * {@code steps: [{rate, for}, ...]}: rates one after the other from {@code at}.
     *
     * @param at    start
     * @param route route
     * @param steps the steps, at least one
     */
    record Steps(Optional<Quantity> at, Optional<Route> route, List<Step> steps) implements DoseSpec {
        /** Copies the list. */
        public Steps {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(route, "route");
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of a {@link Steps} dose.
     *
     * @param rate     rate or rate per kg
     * @param duration how long it is held
     */
    record Step(Quantity rate, Quantity duration) {
        /** Checks that nothing is null. */
        public Step {
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * {@code titration: {...}}: a rule-based titration, decided every interval from the simulated
     * patient (see {@link org.ketasim.core.titration.TitrationRule}).
     *
     * @param at              start
     * @param route           route
     * @param start           first rate
     * @param step            rise per interval
     * @param every           interval between decisions
     * @param max             highest rate, if any
     * @param duration        how long the infusion lasts
     * @param stopRaisingWhen when to hold the rate
     * @param reduceWhen      when to step down
     * @param reduceBy        how much to step down (a rate, or a percentage of the rate); the step when absent
     * @param stopWhen        when to stop for good
     */
    record Rule(Optional<Quantity> at, Optional<Route> route, Quantity start, Quantity step, Quantity every,
                Optional<Quantity> max, Quantity duration, Optional<ConditionSpec> stopRaisingWhen,
                Optional<ConditionSpec> reduceWhen, Optional<Reduction> reduceBy, Optional<ConditionSpec> stopWhen)
            implements DoseSpec {
        /** Checks that nothing is null. */
        public Rule {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(stopRaisingWhen, "stopRaisingWhen");
            Objects.requireNonNull(reduceWhen, "reduceWhen");
            Objects.requireNonNull(reduceBy, "reduceBy");
            Objects.requireNonNull(stopWhen, "stopWhen");
        }
    }

    /**
     * A condition of a rule, holding when any of its limits is reached.
     *
     * @param nrsReduction        expected NRS reduction (points), if given
     * @param drugHigh            drug-high score (0 to 1), if given
     * @param concentration       parent plasma concentration, if given
     * @param effectConcentration effect-site concentration, if given
     */
    record ConditionSpec(OptionalDouble nrsReduction, OptionalDouble drugHigh, Optional<Quantity> concentration,
                         Optional<Quantity> effectConcentration) {
        /** Checks that nothing is null. */
        public ConditionSpec {
            Objects.requireNonNull(nrsReduction, "nrsReduction");
            Objects.requireNonNull(drugHigh, "drugHigh");
            Objects.requireNonNull(concentration, "concentration");
            Objects.requireNonNull(effectConcentration, "effectConcentration");
        }
    }

    /**
     * How much a rule steps down: by a rate, or by a percentage of the current rate.
     *
     * @param amount  a rate (or rate per kg), if given
     * @param percent a percentage (0 to 100], if given
     */
    record Reduction(Optional<Quantity> amount, OptionalDouble percent) {
        /** Checks that exactly one is given. */
        public Reduction {
            if (amount.isPresent() == percent.isPresent()) {
                throw new IllegalArgumentException("a reduction is a rate or a percentage");
            }
        }
    }
}
