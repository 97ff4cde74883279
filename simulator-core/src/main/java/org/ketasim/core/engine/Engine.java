package org.ketasim.core.engine;

import org.ketasim.core.model.LinearSystem;

/**
 * How intervals of constant input are taken. All three sit behind the same {@link Stepper}
 * interface and the same {@link Propagator}, so every workload can use any of them; they agree to
 * about 1e-9 relative (tests: exact against numeric on random systems and regimens, modal against
 * exact on the catalogue).
 */
public enum Engine {
    /**
     * Modal closed form ({@link ModalStepper}), the default: the fastest, for every linear model;
     * systems that are not safely diagonalisable are stepped with {@link #EXACT} instead.
     */
    MODAL {
        @Override
        public Stepper stepper(LinearSystem system) {
            return ModalStepper.of(system).<Stepper>map(s -> s).orElseGet(() -> new ExactStepper(system));
        }
    },
    /** Matrix exponential of the augmented system ({@link ExactStepper}): exact for any matrix. */
    EXACT {
        @Override
        public Stepper stepper(LinearSystem system) {
            return new ExactStepper(system);
        }
    },
    /** Dormand&ndash;Prince 8(5,3) at tight tolerances ({@link NumericStepper}): an independent check. */
    NUMERIC {
        @Override
        public Stepper stepper(LinearSystem system) {
            return new NumericStepper(system);
        }
    };

    /**
     * @param system a subject's system
     * @return a stepper for it, at rest at time 0
     */
    public abstract Stepper stepper(LinearSystem system);

    /** @return the name used on the command line and in files, e.g. {@code modal} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
