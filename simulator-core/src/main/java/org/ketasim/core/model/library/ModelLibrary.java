package org.ketasim.core.model.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.EffectSite;

/**
 * The built-in models, by id. {@value #DEFAULT_ID} is the default S-ketamine model (venous, fully
 * specified, externally validated: pk-models.md section 8). Every built-in model gets the slow
 * effect compartment of chronic pain relief, {@link #PAIN_KE0_PER_H} (its effect is in
 * {@link org.ketasim.core.pd.PainRelief}). Thread-safe (immutable).
 */
public final class ModelLibrary {

    /**
     * ke0 (1/h) of the slow effect compartment of chronic pain relief that every built-in model gets:
     * Dahan 2011's onset/offset half-life of 10.9 days [V], so ke0 = ln 2 / 10.9 d. A parameter of
     * the models, so it lives with them; the pharmacodynamics read the concentration it gives.
     */
    public static final double PAIN_KE0_PER_H = Math.log(2) / (10.9 * 24);

    /** The default model's id. */
    public static final String DEFAULT_ID = "fanta-otto";

    private static final Map<String, BuiltInModel> MODELS = new LinkedHashMap<>();

    static {
        for (BuiltInModel m : List.of(SKetamineModels.fantaOtto(), SimonsModel.simons2022(),
                PerezRuixoModel.perezRuixo2021(), SKetamineModels.flint2017(),
                RacemicModels.domino(), RacemicModels.clements1981(), RacemicModels.hijazi2003(),
                RacemicModels.kamp2020())) {
            MODELS.put(m.id(), new BuiltInModel(m.card(),
                    m.model().withPainEffectSite(new EffectSite(PAIN_KE0_PER_H))));
        }
    }

    private ModelLibrary() {
    }

    /** @return every built-in model, S-ketamine models first */
    public static List<BuiltInModel> all() {
        return List.copyOf(MODELS.values());
    }

    /**
     * @param id a model id (case-sensitive)
     * @return the model, if there is one with that id
     */
    public static Optional<BuiltInModel> find(String id) {
        return Optional.ofNullable(MODELS.get(id));
    }

    /** @return every id, comma-separated, for messages */
    public static String ids() {
        return String.join(", ", MODELS.keySet());
    }
}
