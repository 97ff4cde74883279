package org.ketasim.core.nonmem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ketasim.core.engine.Engine;
import org.ketasim.core.engine.OutputGrid;
import org.ketasim.core.engine.Propagator;
import org.ketasim.core.model.InputChannel;
import org.ketasim.core.model.PkModel;
import org.ketasim.core.regimen.Bolus;
import org.ketasim.core.regimen.Breakpoints;
import org.ketasim.core.regimen.Dose;
import org.ketasim.core.regimen.RateSegment;
import org.ketasim.core.scenario.CompiledScenario;
import org.ketasim.core.scenario.ScenarioException;

/**
 * A scenario's regimen as NONMEM records: one dose record per bolus and per infusion segment and
 * absorption path, and an observation record (EVID 0, central compartment) at every time of the
 * scenario's output grid, placed after any dose at the same time so that it sees the dose.
 * Compartments are numbered as in {@link Compartments}.
 *
 * <p>Amounts are of the modelled analyte (the written dose times the scenario's input factor: half
 * of a racemic dose on an S-ketamine model, base of a salt). A dose record takes its compartment's
 * default F and lag, which are the route's, so the data set reproduces the scenario when imported
 * with the same model: an extravascular infusion is written at RATE = F x rate so that NONMEM's
 * "F changes the amount, not the rate" gives the scenario's input; a bolus through a path with a
 * zero-order phase is written with RATE -2 (the phase is the compartment's default D). Not exported:
 * device dosing, and infusions through a path with a zero-order phase.
 */
public final class NonmemExport {

    /** One record, as cells in the order of {@link NonmemDataSet#STANDARD}. */
    public record Row(int id, double time, int evid, double amt, int cmt, double rate, int order) {
        /** @return the cells ID, TIME, EVID, AMT, CMT, RATE, II, ADDL, SS */
        public List<String> cells() {
            return List.of(Integer.toString(id), Double.toString(time), Integer.toString(evid), Double.toString(amt),
                    Integer.toString(cmt), Double.toString(rate), "0", "0", "0");
        }
    }

    private NonmemExport() {
    }

    /**
     * @param scenario a compiled scenario; the doses its rule titrations decide for the typical
     *                 patient are written as they were given
     * @param id       the NONMEM ID to give it
     * @return its records, sorted by time, doses before observations
     * @throws ScenarioException naming the scenario's regimen, for a dose that cannot be written (see above)
     */
    public static List<Row> rows(CompiledScenario scenario, int id) {
        PkModel individual = scenario.individualModel();
        Compartments cmts = new Compartments(individual, Map.of());
        List<Row> rows = new ArrayList<>();
        double factor = scenario.inputFactor();
        List<Dose> doses = new ArrayList<>(scenario.regimen().doses());
        if (!scenario.plan().controllers().isEmpty()) {
            Propagator run = new Propagator(scenario.plan(), Engine.MODAL);
            run.run();
            doses.addAll(run.dosesGiven());
        }
        for (Dose dose : doses) {
            for (InputChannel ch : cmts.system().channels(dose.route())) {
                if (ch.devices().isPresent()) {
                    throw new ScenarioException(scenario.scenario().at("regimen"), "route " + dose.route().id()
                            + " of model " + scenario.modelId() + " is dosed by devices, which the NONMEM export does "
                            + "not write yet");
                }
                int cmt = cmts.numberOf(ch.stateIndex()).orElseThrow();
                if (dose instanceof Bolus b) {
                    rows.add(new Row(id, b.timeH(), 1, b.amountMg() * factor, cmt, ch.zeroOrderH() > 0 ? -2 : 0, 0));
                }
                for (RateSegment s : dose.rateSegments()) {
                    if (ch.zeroOrderH() > 0) {
                        throw new ScenarioException(scenario.scenario().at("regimen"), "an infusion by route "
                                + dose.route().id() + " of model " + scenario.modelId() + " (a path with a zero-order "
                                + "phase) cannot be written exactly");
                    }
                    double amount = s.rateMgPerH() * (s.endH() - s.startH()) * factor;
                    if (amount > 0) {
                        rows.add(new Row(id, s.startH(), 1, amount, cmt, ch.bioavailability() * s.rateMgPerH() * factor,
                                0));
                    }
                }
            }
        }
        int central = cmts.numberOf(cmts.system().centralIndex()).orElseThrow();
        OutputGrid grid = scenario.plan().grid();
        List<Row> snapped = new ArrayList<>(rows.size() + grid.size());
        for (Row r : rows) {
            snapped.add(new Row(r.id(), onGrid(r.time(), grid), r.evid(), r.amt(), r.cmt(), r.rate(), r.order()));
        }
        rows = snapped;
        for (int i = 0; i < grid.size(); i++) {
            rows.add(new Row(id, grid.time(i), 0, 0, central, 0, 1));
        }
        rows.sort(Comparator.comparingDouble(Row::time).thenComparingInt(Row::order));
        return rows;
    }

    /** @return the grid time that is the same instant as {@code time} (see Breakpoints), or the time itself */
    private static double onGrid(double time, OutputGrid grid) {
        long k = Math.round(time / grid.stepH());
        for (long i = Math.max(0, k - 1); i <= k + 1 && i < grid.size(); i++) {
            if (Breakpoints.same(grid.time((int) i), time)) {
                return grid.time((int) i);
            }
        }
        return Breakpoints.same(grid.endH(), time) ? grid.endH() : time;
    }

}
