package org.ketasim.core.model.library;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.ModelDrug;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.Route;

/**
 * What ketasim knows about a built-in model besides its parameters.
 *
 * @param id                the id used in scenario files ({@code model: fanta-otto})
 * @param title             one line
 * @param drug              what the parent concentrations are concentrations of
 * @param metaboliteAnalyte the metabolite's analyte name, if the model has one
 * @param population        who the model was fitted to
 * @param weightRangeKg     the body weights of that population, {lowest, highest}; outside it a
 *                          scenario gets a warning
 * @param samplingSite      arterial, venous, or what is known about it
 * @param citations         the papers, with DOI
 * @param parameterSources  one line per parameter group: value, unit, source, confidence mark
 * @param assumptions       every choice ketasim made where the sources are silent
 * @param variability       published inter-individual variability (log scale), for populations
 * @param residualError     published residual error, one line per analyte
 * @param routes            where each extravascular route's parameters come from
 * @param residualModel     the residual error as numbers, for simulated observations; empty where
 *                          none was published
 */
public record ModelCard(String id, String title, ModelDrug drug, Optional<String> metaboliteAnalyte,
                        String population, double[] weightRangeKg, String samplingSite, List<String> citations,
                        List<String> parameterSources, List<String> assumptions, List<Omega> variability,
                        List<String> residualError, Map<Route, RouteNote> routes, List<ResidualError> residualModel) {

    /**
     * A card without a numeric residual-error model (see {@link #withResidualModel}).
     *
     * @param id                the id
     * @param title             one line
     * @param drug              the drug
     * @param metaboliteAnalyte the metabolite's analyte name
     * @param population        who the model was fitted to
     * @param weightRangeKg     {lowest, highest} (kg)
     * @param samplingSite      the sampling site
     * @param citations         the papers
     * @param parameterSources  the sources of the parameters
     * @param assumptions       ketasim's choices
     * @param variability       published IIV
     * @param residualError     published residual error, as text
     * @param routes            the route notes
     */
    public ModelCard(String id, String title, ModelDrug drug, Optional<String> metaboliteAnalyte, String population,
                     double[] weightRangeKg, String samplingSite, List<String> citations, List<String> parameterSources,
                     List<String> assumptions, List<Omega> variability, List<String> residualError,
                     Map<Route, RouteNote> routes) {
        this(id, title, drug, metaboliteAnalyte, population, weightRangeKg, samplingSite, citations, parameterSources,
                assumptions, variability, residualError, routes, List.of());
    }

    /**
     * @param model the residual error as numbers, one per analyte
     * @return this card with it
     */
    public ModelCard withResidualModel(List<ResidualError> model) {
        return new ModelCard(id, title, drug, metaboliteAnalyte, population, weightRangeKg, samplingSite, citations,
                parameterSources, assumptions, variability, residualError, routes, model);
    }

    /** Copies the lists and the map. */
    public ModelCard {
        residualModel = List.copyOf(residualModel);
        weightRangeKg = weightRangeKg.clone();
        citations = List.copyOf(citations);
        parameterSources = List.copyOf(parameterSources);
        assumptions = List.copyOf(assumptions);
        variability = List.copyOf(variability);
        residualError = List.copyOf(residualError);
        routes = Map.copyOf(routes);
    }

    /** @return the body weights of the model's population, {lowest, highest} (kg) */
    @Override
    public double[] weightRangeKg() {
        return weightRangeKg.clone();
    }
}
