package org.ketasim.core.nonmem;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter that {@code --map PARAM=COLUMN} takes from a data column, record by record.
 *
 * <p>Dose parameters, per compartment n (as NONMEM's F1, ALAG1, R1, D1): {@code Fn} bioavailability,
 * {@code ALAGn} lag (h), {@code Rn} modelled rate (mg/h, for RATE -1), {@code Dn} modelled duration
 * (h, for RATE -2). Model parameters, which replace the model's value for the patient (after weight
 * scaling): {@code CL} elimination clearance (L/h), {@code V1} central volume (L), {@code Q2}/{@code V2}
 * the second compartment's flow (L/h) and volume (L), {@code Q3}/{@code V3} the third's, and
 * {@code KAn} the absorption rate constant (1/h) of depot compartment n. The names are those of the
 * scenario format's model keys. Immutable.
 *
 * @param kind        which parameter
 * @param compartment the compartment number for the numbered kinds, 0 for the others
 */
public record MappedParameter(Kind kind, int compartment) {

    /** The parameters that can be mapped, with their unit and smallest allowed value. */
    public enum Kind {
        /** Bioavailability fraction of compartment n. */
        F(true, false, "", false),
        /** Absorption lag of compartment n (h). */
        ALAG(true, false, "h", false),
        /** Modelled infusion rate of compartment n (mg/h), for RATE -1. */
        R(true, false, "mg/h", true),
        /** Modelled infusion duration of compartment n (h), for RATE -2. */
        D(true, false, "h", true),
        /** Absorption rate constant of depot compartment n (1/h). */
        KA(true, true, "1/h", true),
        /** Elimination clearance from the central compartment (L/h). */
        CL(false, true, "L/h", false),
        /** Central volume (L). */
        V1(false, true, "L", true),
        /** Flow between the central and the second compartment (L/h). */
        Q2(false, true, "L/h", false),
        /** Volume of the second compartment (L). */
        V2(false, true, "L", true),
        /** Flow between the central and the third compartment (L/h). */
        Q3(false, true, "L/h", false),
        /** Volume of the third compartment (L). */
        V3(false, true, "L", true);

        private final boolean numbered;
        private final boolean model;
        private final String unit;
        private final boolean positive;

        Kind(boolean numbered, boolean model, String unit, boolean positive) {
            this.numbered = numbered;
            this.model = model;
            this.unit = unit;
            this.positive = positive;
        }

        /** @return whether the kind is followed by a compartment number */
        public boolean numbered() {
            return numbered;
        }

        /** @return whether the kind is a parameter of the model (so it changes the linear system) */
        public boolean model() {
            return model;
        }

        /** @return the unit the column holds, empty for a fraction */
        public String unit() {
            return unit;
        }

        /** @return whether the value must be &gt; 0 (otherwise &gt;= 0) */
        public boolean positive() {
            return positive;
        }
    }

    private static final Pattern NAME = Pattern.compile("([A-Z]+?)([1-9][0-9]*)?");

    /** The forms accepted, for messages. */
    public static final String FORMS = "F<n>, ALAG<n>, R<n>, D<n>, KA<n> (n a compartment number), CL, V1, Q2, V2, "
            + "Q3, V3";

    /**
     * @param text a parameter name, case-insensitive, e.g. {@code f2}, {@code CL}, {@code KA1}
     * @return the parameter
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static MappedParameter parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (!k.numbered() && upper.equals(k.name())) {
                return new MappedParameter(k, 0);
            }
        }
        Matcher m = NAME.matcher(upper);
        if (m.matches() && m.group(2) != null && m.group(2).length() <= 2) {
            for (Kind k : Kind.values()) {
                if (k.numbered() && k.name().equals(m.group(1))) {
                    return new MappedParameter(k, Integer.parseInt(m.group(2)));
                }
            }
        }
        throw new IllegalArgumentException("cannot map '" + text + "': the parameters that can be taken from columns "
                + "are " + FORMS + ", e.g. F2=BIOAV or CL=CLI");
    }

    /** @return the name, e.g. {@code F2} or {@code CL} */
    public String name() {
        return kind.numbered() ? kind.name() + compartment : kind.name();
    }
}
