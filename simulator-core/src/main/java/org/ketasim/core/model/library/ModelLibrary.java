package org.ketasim.core.model.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.model.EffectSite;

/**
 * The built-in models, by id. {@value #DEFAULT_ID} is the default S-ketamine model (venous, fully
 * specified, externally validated: pk-models.md section 8). Every built-in model gets the slow
 * effect compartment of chronic pain relief, with the onset and offset half-life of Dahan 2011
 * ({@link #PAIN_HALF_LIFE_DAYS}; the relief model itself is in {@code outcomes.ReliefModel}).
 * Thread-safe (immutable).
 */
public final class ModelLibrary {

    /**
     * The half-life of onset and offset of chronic pain relief, 10.9 days (Dahan et al., Eur J Pain
     * 2011;15:258, abstract [V]): the pain effect compartment of every built-in model.
     */
    public static final double PAIN_HALF_LIFE_DAYS = 10.9;

    /** The default model's id. */
    public static final String DEFAULT_ID = "fanta-otto";

    private static final Map<String, BuiltInModel> MODELS = new LinkedHashMap<>();

    static {
        for (BuiltInModel m : List.of(SKetamineModels.fantaOtto(), SimonsModel.simons2022(),
                PerezRuixoModel.perezRuixo2021(), SKetamineModels.flint2017(),
                RacemicModels.domino(), RacemicModels.clements1981(), RacemicModels.hijazi2003(),
                RacemicModels.kamp2020())) {
            MODELS.put(m.id(), new BuiltInModel(m.card(),
                    m.model().withPainEffectSite(
                            new EffectSite(EffectSite.rateForHalfLifeH(PAIN_HALF_LIFE_DAYS * 24)))));
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
