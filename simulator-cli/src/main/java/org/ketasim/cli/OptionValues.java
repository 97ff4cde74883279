package org.ketasim.cli;

import java.util.List;
import java.util.function.Supplier;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;
import org.ketasim.core.scenario.ScenarioCompiler;
import org.ketasim.core.scenario.Suggestions;
import org.ketasim.core.units.Dimension;
import org.ketasim.core.units.Quantities;
import org.ketasim.core.units.Quantity;
import org.ketasim.core.units.UnitException;

/**
 * Reads the values of command-line options that are quantities ({@code --weight 70 kg},
 * {@code --duration 6 h}); a problem is an {@link InputException} naming the option, so it exits 2
 * with a message like a bad scenario value.
 */
final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param option   the option's name, e.g. {@code --weight}
     * @param words    the value as given (picocli may split "70 kg" into two words)
     * @param bareUnit the unit a bare number is taken in ({@code kg} for a weight), or null for none
     * @param expected the dimensions accepted
     * @return the quantity
     * @throws InputException if the value is not a quantity of an expected dimension
     */
    static Quantity quantity(String option, List<String> words, String bareUnit, Dimension... expected) {
        String text = String.join(" ", words).trim();
        if (bareUnit != null && text.matches("[0-9.]+")) {
            text = text + " " + bareUnit;
        }
        try {
            return Quantities.parse(text, expected);
        } catch (UnitException e) {
            throw problem(option, e.problem());
        }
    }

    /**
     * Checks the options of a virtual population that a command was given against the ranges of
     * {@link PopulationSettings}, so that a value out of range is answered naming its own option.
     *
     * @param subjects   {@code --n}, or null if the command has none or it was not given
     * @param seed       {@code --seed}, or null
     * @param replicates {@code --replicates}, or null
     * @param threads    {@code --threads}, or null
     * @throws InputException naming the first option out of range
     */
    static void checkPopulation(Integer subjects, Long seed, Integer replicates, Integer threads) {
        if (subjects != null && (subjects < 1 || subjects > PopulationSettings.MAX_SUBJECTS)) {
            throw problem("--n", "must be 1 to " + PopulationSettings.MAX_SUBJECTS + ", got " + subjects);
        }
        if (seed != null && (seed < 0 || seed > PopulationSettings.MAX_SEED)) {
            throw problem("--seed", "must be a whole number from 0 to 2^53, got " + seed);
        }
        if (replicates != null && (replicates < 0 || replicates > PopulationSettings.MAX_OUTCOME_REPLICATES)) {
            throw problem("--replicates", "must be 0 to " + PopulationSettings.MAX_OUTCOME_REPLICATES + ", got "
                    + replicates);
        }
        if (threads != null && (threads < 1 || threads > PopulationSettings.MAX_THREADS)) {
            throw problem("--threads", "must be 1 to " + PopulationSettings.MAX_THREADS + ", got " + threads);
        }
    }

    /**
     * @param option the option's name, e.g. {@code --weight}
     * @param words  the value as given; a bare number is in kg
     * @return the body weight (kg), within the range a scenario's patient may have
     * @throws InputException naming the option, if it is not a human body weight
     */
    static double bodyWeightKg(String option, List<String> words) {
        double kg = quantity(option, words, "kg", Dimension.BODY_WEIGHT).internalValue();
        if (!(kg >= ScenarioCompiler.MIN_WEIGHT_KG && kg <= ScenarioCompiler.MAX_WEIGHT_KG)) {
            throw problem(option, "'" + String.join(" ", words) + "' is not a human body weight ("
                    + ScenarioCompiler.MIN_WEIGHT_KG + " to " + ScenarioCompiler.MAX_WEIGHT_KG + " kg)");
        }
        return kg;
    }

    /**
     * @param option the option's name, e.g. {@code --model}
     * @param id     the value as given
     * @return the built-in model of that id
     * @throws InputException naming the option, the closest id and every id, for an unknown one
     */
    static BuiltInModel builtInModel(String option, String id) {
        return ModelLibrary.find(id).orElseThrow(() -> problem(option, "unknown model '" + id + "'"
                + Suggestions.closest(id, ModelLibrary.all().stream().map(BuiltInModel::id).toList())
                + "; built-in models: " + ModelLibrary.ids()));
    }

    /**
     * Reads or checks an option's value with code that reports a bad value as an
     * {@link IllegalArgumentException}, so that the message names the option.
     *
     * @param option the option's name, e.g. {@code --percentiles}
     * @param value  what reads or checks it
     * @param <T>    what it gives
     * @return what it gives
     * @throws InputException naming the option, with the check's message
     */
    static <T> T named(String option, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw problem(option, e.getMessage());
        }
    }

    /**
     * @param option  the option's name
     * @param problem what is wrong, naming the value
     * @return the exception to throw
     */
    static InputException problem(String option, String problem) {
        return new InputException(new Location(option, 0, ""), problem);
    }
}
