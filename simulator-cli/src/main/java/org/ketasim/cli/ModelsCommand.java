package org.ketasim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ketasim.core.model.Absorption;
import org.ketasim.core.model.AbsorptionTarget;
import org.ketasim.core.model.AllometricScaling;
import org.ketasim.core.model.Metabolite;
import org.ketasim.core.model.Peripheral;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.model.Route;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelCard;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.model.Omega;
import org.ketasim.core.model.library.RouteNote;
import org.ketasim.core.outcomes.OutcomeAssumptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ketasim models [ID]}: lists the built-in models, or prints one with its parameters and sources. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the built-in models, or print one model's parameters, units and sources.",
            "Use an id in a scenario file as 'model: <id>'."})
final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A model id; without one, every model is listed.")
    private String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            ModelLibrary.all().forEach(m -> summary(m, out));
            out.println("Routes marked (unvalidated) rest on assumptions, not human data; 'ketasim models <id>' "
                    + "prints the parameters and every source.");
            out.flush();
            return ExitCodes.OK;
        }
        Optional<BuiltInModel> model = ModelLibrary.find(id);
        if (model.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: unknown model '" + id + "'; built-in models: " + ModelLibrary.ids());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        details(model.get(), out);
        out.flush();
        return ExitCodes.OK;
    }

    private static void summary(BuiltInModel m, PrintWriter out) {
        ModelCard c = m.card();
        out.println(c.id() + (c.id().equals(ModelLibrary.DEFAULT_ID) ? " (default)" : ""));
        out.println("  " + c.title());
        out.println("  drug:       " + c.drug().analyte());
        out.println("  analytes:   " + c.drug().analyte() + c.metaboliteAnalyte().map(a -> "; " + a).orElse(""));
        out.println("  sampling:   " + c.samplingSite());
        out.println("  routes:     " + routes(m));
        out.println("  population: " + c.population());
        out.println("  citation:   " + String.join("; ", c.citations()));
        out.println();
    }

    private static String routes(BuiltInModel m) {
        return "iv" + m.model().routes().keySet().stream()
                .map(r -> ", " + r.id() + (m.card().routes().containsKey(r) && !m.card().routes().get(r).validated()
                        ? " (unvalidated)" : ""))
                .collect(Collectors.joining());
    }

    private static void details(BuiltInModel m, PrintWriter out) {
        summary(m, out);
        PkModel p = m.model();
        out.println("Parameters for a " + p.scaling().map(s -> fmt(s.referenceWeightKg()) + " kg").orElse("typical")
                + " patient:");
        out.printf(Locale.ROOT, "  V1 %s L, CL %s L/h%n", fmt(p.volumeL()), fmt(p.clearanceLPerH()));
        for (int i = 0; i < p.peripherals().size(); i++) {
            Peripheral q = p.peripherals().get(i);
            out.printf(Locale.ROOT, "  V%d %s L, Q%d %s L/h%n", i + 2, fmt(q.volumeL()), i + 2, fmt(q.flowLPerH()));
        }
        p.liver().ifPresent(h -> out.printf(Locale.ROOT, "  liver: Vh %s L, Qh %s L/h, kel %s /h, kmet %s /h "
                + "(extraction %s)%n", fmt(h.volumeL()), fmt(h.bloodFlowLPerH()), fmt(h.otherEliminationPerH()),
                fmt(h.metabolismPerH()), fmt(h.extraction())));
        p.metabolite().ifPresent(n -> metabolite(n, out));
        p.secondMetabolite().ifPresent(n -> metabolite(n, out));
        p.effectSite().ifPresent(e -> out.printf(Locale.ROOT, "  effect site: ke0 %s /min (t1/2ke0 %s min)%n",
                fmt(e.ke0PerH() / 60), fmt(Math.log(2) / e.ke0PerH() * 60)));
        p.scaling().ifPresent(s -> scaling(s, out));
        for (Route r : p.routes().keySet()) {
            RouteNote note = m.card().routes().get(r);
            out.printf(Locale.ROOT, "  route %s%s:%n", r.id(), note != null && !note.validated() ? " (unvalidated)" : "");
            for (Absorption a : p.routes().get(r)) {
                out.printf(Locale.ROOT, "    F %s, ka %s /h, lag %s h%s%s%s%s%n", fmt(a.bioavailability()),
                        fmt(a.kaPerH()), fmt(a.lagH()),
                        a.zeroOrderH() > 0 ? ", zero-order over " + fmt(a.zeroOrderH()) + " h" : "",
                        a.transit().map(t -> ", transit " + t.compartments() + " x MTT " + fmt(t.meanTransitTimeH())
                                + " h").orElse(""), a.target() == AbsorptionTarget.CENTRAL ? ""
                                : ", into the " + a.target().name().toLowerCase(Locale.ROOT),
                        a.devices().map(d -> ", by " + fmt(d.deviceMg()) + " mg devices " + fmt(d.intervalH() * 60)
                                + " min apart (later devices F " + fmt(d.laterBioavailability()) + ")").orElse(""));
            }
            if (note != null) {
                out.println("      " + note.source());
            }
        }
        ModelCard c = m.card();
        section(out, "Sources", c.parameterSources());
        section(out, "Assumptions", c.assumptions());
        if (p.painEffectSite().isPresent()) {
            section(out, "Pharmacodynamics (every built-in model)", OutcomeAssumptions.LINES);
        }
        section(out, "Inter-individual variability (log scale)", c.variability().stream()
                .map(ModelsCommand::omega).toList());
        section(out, "Residual error", c.residualError());
    }

    private static void metabolite(Metabolite n, PrintWriter out) {
        out.printf(Locale.ROOT, "  metabolite %s: fraction %s, molar mass ratio %s, V1 %s L, CL %s L/h%s%n", n.name(),
                fmt(n.fraction()), fmt(n.molarMassRatio()), fmt(n.volumeL()), fmt(n.clearanceLPerH()),
                n.peripheral().map(q -> ", V2 " + fmt(q.volumeL()) + " L, Q2 " + fmt(q.flowLPerH()) + " L/h").orElse("")
                        + n.formationDelay().map(t -> ", formed through " + t.compartments() + " transit compartments, "
                        + "MTT " + fmt(t.meanTransitTimeH() * 60) + " min").orElse(""));
    }

    private static void scaling(AllometricScaling s, PrintWriter out) {
        out.printf(Locale.ROOT, "  weight scaling (WT/%s kg)^e: central volumes e=%s, clearances e=%s, "
                        + "peripheral volumes e=%s, flows e=%s%n", fmt(s.referenceWeightKg()),
                fmt(s.centralVolumesExponent()), fmt(s.clearancesExponent()), fmt(s.peripheralVolumesExponent()),
                fmt(s.flowsExponent()));
    }

    private static String omega(Omega o) {
        return o.row().equals(o.column()) ? "omega^2(" + o.row() + ") " + fmt(o.value())
                : "cov(" + o.row() + ", " + o.column() + ") " + fmt(o.value());
    }

    private static void section(PrintWriter out, String title, java.util.List<String> lines) {
        out.println(title + ":");
        if (lines.isEmpty()) {
            out.println("  none");
        }
        lines.forEach(l -> out.println("  - " + l));
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
