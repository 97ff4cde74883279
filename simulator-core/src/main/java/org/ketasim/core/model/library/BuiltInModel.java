package org.ketasim.core.model.library;

import org.ketasim.core.model.PkModel;

/**
 * A published model: its parameters for a typical patient of its reference weight, and its card.
 *
 * @param card  provenance, population, sampling site, assumptions
 * @param model the parameters, with the published weight scaling
 */
public record BuiltInModel(ModelCard card, PkModel model) {

    /** @return the model's id */
    public String id() {
        return card.id();
    }
}
