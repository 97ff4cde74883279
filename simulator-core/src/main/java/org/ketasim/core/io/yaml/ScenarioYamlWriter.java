package org.ketasim.core.io.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.TransitChain;
import org.ketasim.core.model.library.ResidualError;
import org.ketasim.core.scenario.DoseSpec;
import org.ketasim.core.scenario.Drug;
import org.ketasim.core.scenario.ModelSpec;
import org.ketasim.core.scenario.PopulationSpec;
import org.ketasim.core.scenario.RegimenSpec;
import org.ketasim.core.scenario.Salt;
import org.ketasim.core.scenario.Scenario;
import org.ketasim.core.units.Quantity;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes {@link Scenario} values as scenario files of format v1 (ketasim's extensions where the
 * scenario uses them). Reading what is written gives an equal scenario: quantities are written in
 * the units they hold, numbers in full precision, and keys that were absent stay absent. Text is
 * quoted and escaped by SnakeYAML Engine, so no title or note can break the file. Stateless and
 * thread-safe.
 */
public final class ScenarioYamlWriter {

    /**
     * @param s a scenario
     * @return its YAML text
     */
    public String write(Scenario s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", s.id());
        putText(root, "title", s.title());
        putText(root, "source", s.source());
        putText(root, "notes", s.notes());
        if (s.drug() != Drug.ESKETAMINE) {
            root.put("drug", s.drug().id());
        }
        if (s.salt() != Salt.BASE) {
            root.put("salt", s.salt().id());
        }
        root.put("model", model(s.model()));
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("weight", s.patient().weight().toString());
        s.patient().baselineNrs().ifPresent(v -> patient.put("baseline_nrs", v));
        root.put("patient", patient);
        root.put("regimen", regimen(s.regimen()));
        Map<String, Object> simulation = new LinkedHashMap<>();
        simulation.put("duration", s.simulation().duration().toString());
        simulation.put("step", s.simulation().step().toString());
        root.put("simulation", simulation);
        s.population().ifPresent(p -> root.put("population", population(p)));
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(100)
                .setSplitLines(true).build()).dumpToString(root);
    }

    private static void putText(Map<String, Object> map, String key, String text) {
        if (!text.isEmpty()) {
            map.put(key, text);
        }
    }

    private static Object model(ModelSpec spec) {
        if (spec instanceof ModelSpec.BuiltIn b) {
            if (b.routes().isEmpty()) {
                return b.id();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("base", b.id());
            Map<String, Object> routes = new LinkedHashMap<>();
            b.routes().forEach((route, o) -> {
                if (!o.paths().isEmpty()) {
                    routes.put(route.id(), o.paths().stream().map(ScenarioYamlWriter::path).toList());
                } else {
                    Map<String, Object> r = new LinkedHashMap<>();
                    o.bioavailability().ifPresent(f -> r.put("F", f));
                    o.kaPerH().ifPresent(ka -> r.put("ka", q(ka, "1/h")));
                    o.lagH().ifPresent(lag -> r.put("lag", q(lag, "h")));
                    routes.put(route.id(), r);
                }
            });
            m.put("routes", routes);
            return m;
        }
        ModelSpec.Inline inline = (ModelSpec.Inline) spec;
        PkModel model = inline.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", model.name());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("V1", q(model.volumeL(), "L"));
        c.put("CL", q(model.clearanceLPerH(), "L/h"));
        for (int i = 0; i < model.peripherals().size(); i++) {
            Peripheral p = model.peripherals().get(i);
            c.put("V" + (i + 2), q(p.volumeL(), "L"));
            c.put("Q" + (i + 2), q(p.flowLPerH(), "L/h"));
        }
        m.put("compartments", c);
        model.scaling().ifPresent(s -> m.put("scaling", scaling(s)));
        model.liver().ifPresent(h -> {
            Map<String, Object> liver = new LinkedHashMap<>();
            liver.put("V", q(h.volumeL(), "L"));
            liver.put("Q", q(h.bloodFlowLPerH(), "L/h"));
            liver.put("k_elimination", q(h.otherEliminationPerH(), "1/h"));
            liver.put("k_metabolite", q(h.metabolismPerH(), "1/h"));
            m.put("liver", liver);
        });
        model.metabolite().ifPresent(x -> m.put("metabolite", metabolite(x)));
        model.secondMetabolite().ifPresent(x -> m.put("second_metabolite", metabolite(x)));
        if (!model.routes().isEmpty()) {
            Map<String, Object> routes = new LinkedHashMap<>();
            model.routes().forEach((route, paths) -> routes.put(route.id(),
                    paths.stream().map(ScenarioYamlWriter::path).toList()));
            m.put("routes", routes);
        }
        model.effectSite().ifPresent(e -> m.put("effect", Map.of("ke0", q(e.ke0PerH(), "1/h"))));
        inline.variability().ifPresent(v -> {
            Map<String, Object> variability = new LinkedHashMap<>();
            variability.put("omega", new LinkedHashMap<>(v.omega()));
            if (!v.correlation().isEmpty()) {
                variability.put("correlation", new LinkedHashMap<>(v.correlation()));
            }
            m.put("variability", variability);
        });
        inline.residual().ifPresent(r -> {
            Map<String, Object> residual = new LinkedHashMap<>();
            residual.put(r.kind() == ResidualError.Kind.EXPONENTIAL ? "exponential" : "proportional", r.sd());
            residual.put("additive", q(r.additiveSdNgPerMl(), "ng/mL"));
            m.put("residual_error", residual);
        });
        return m;
    }

    private static Map<String, Object> scaling(AllometricScaling s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference_weight", q(s.referenceWeightKg(), "kg"));
        m.put("volumes", s.centralVolumesExponent());
        m.put("clearances", s.clearancesExponent());
        m.put("peripheral_volumes", s.peripheralVolumesExponent());
        m.put("flows", s.flowsExponent());
        return m;
    }

    private static Map<String, Object> metabolite(Metabolite x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("fraction", x.fraction());
        m.put("molar_mass_ratio", x.molarMassRatio());
        m.put("V1", q(x.volumeL(), "L"));
        m.put("CL", q(x.clearanceLPerH(), "L/h"));
        x.peripheral().ifPresent(p -> {
            m.put("V2", q(p.volumeL(), "L"));
            m.put("Q2", q(p.flowLPerH(), "L/h"));
        });
        x.formationDelay().ifPresent(d -> m.put("formation_delay", transit(d)));
        return m;
    }

    private static Map<String, Object> transit(TransitChain t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compartments", t.compartments());
        m.put("mean_transit_time", q(t.meanTransitTimeH(), "h"));
        return m;
    }

    private static Map<String, Object> path(Absorption a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("F", a.bioavailability());
        m.put("ka", q(a.kaPerH(), "1/h"));
        m.put("lag", q(a.lagH(), "h"));
        if (a.zeroOrderH() > 0) {
            m.put("zero_order", q(a.zeroOrderH(), "h"));
        }
        if (a.target() != AbsorptionTarget.CENTRAL) {
            m.put("target", a.target().name().toLowerCase(Locale.ROOT));
        }
        a.transit().ifPresent(t -> m.put("transit", transit(t)));
        a.devices().ifPresent(d -> {
            Map<String, Object> devices = new LinkedHashMap<>();
            devices.put("amount", q(d.deviceMg(), "mg"));
            devices.put("every", q(d.intervalH(), "h"));
            devices.put("later_F", d.laterBioavailability());
            m.put("devices", devices);
        });
        return m;
    }

    private static Map<String, Object> regimen(RegimenSpec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.setting().ifPresent(s -> m.put("setting", s));
        r.route().ifPresent(route -> m.put("route", route.id()));
        List<Object> doses = new ArrayList<>();
        for (DoseSpec d : r.doses()) {
            doses.add(dose(d));
        }
        m.put("doses", doses);
        r.repeat().ifPresent(rep -> {
            Map<String, Object> repeat = new LinkedHashMap<>();
            repeat.put("every", rep.every().toString());
            repeat.put("count", rep.count());
            m.put("repeat", repeat);
        });
        return m;
    }

    private static Map<String, Object> dose(DoseSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d instanceof DoseSpec.Bolus b) {
            m.put("bolus", b.amount().toString());
            b.over().ifPresent(o -> m.put("over", o.toString()));
        } else if (d instanceof DoseSpec.Infusion inf) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("rate", inf.rate().toString());
            i.put("duration", inf.duration().toString());
            m.put("infusion", i);
        } else if (d instanceof DoseSpec.Schedule s) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("start", s.start().toString());
            i.put("increment", s.increment().toString());
            i.put("every", s.every().toString());
            s.max().ifPresent(max -> i.put("max", max.toString()));
            i.put("duration", s.duration().toString());
            m.put("infusion", i);
        } else if (d instanceof DoseSpec.Steps steps) {
            List<Object> list = new ArrayList<>();
            for (DoseSpec.Step st : steps.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("rate", st.rate().toString());
                step.put("for", st.duration().toString());
                list.add(step);
            }
            m.put("steps", list);
        } else {
            m.put("titration", rule((DoseSpec.Rule) d));
        }
        d.at().ifPresent(at -> m.put("at", at.toString()));
        d.route().ifPresent(route -> m.put("route", route.id()));
        return m;
    }

    private static Map<String, Object> rule(DoseSpec.Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", r.start().toString());
        m.put("step", r.step().toString());
        m.put("every", r.every().toString());
        r.max().ifPresent(max -> m.put("max", max.toString()));
        m.put("duration", r.duration().toString());
        r.stopRaisingWhen().ifPresent(c -> m.put("stop_raising_when", condition(c)));
        r.reduceWhen().ifPresent(c -> m.put("reduce_when", condition(c)));
        r.reduceBy().ifPresent(red -> m.put("reduce_by", red.amount().map(Quantity::toString)
                .orElseGet(() -> red.percent().getAsDouble() + " %")));
        r.stopWhen().ifPresent(c -> m.put("stop_when", condition(c)));
        return m;
    }

    private static Map<String, Object> condition(DoseSpec.ConditionSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        c.nrsReduction().ifPresent(v -> m.put("nrs_reduction", v));
        c.drugHigh().ifPresent(v -> m.put("drug_high", v));
        c.concentration().ifPresent(v -> m.put("concentration", v.toString()));
        c.effectConcentration().ifPresent(v -> m.put("effect_concentration", v.toString()));
        return m;
    }

    private static Map<String, Object> population(PopulationSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        p.subjects().ifPresent(v -> m.put("subjects", v));
        p.seed().ifPresent(v -> m.put("seed", v));
        p.weightSd().ifPresent(v -> m.put("weight_sd", v.toString()));
        if (!p.percentiles().isEmpty()) {
            m.put("percentiles", p.percentiles());
        }
        if (!p.observations().isEmpty()) {
            m.put("observations", p.observations().stream().map(Quantity::toString).toList());
        }
        p.baselineNrsSd().ifPresent(v -> m.put("baseline_nrs_sd", v));
        return m;
    }

    private static String q(double value, String unit) {
        return Quantity.of(value, unit).toString();
    }
}
