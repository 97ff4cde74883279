package org.ketasim.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ketasim.core.engine.Series;
import org.ketasim.core.model.Observable;
import org.ketasim.core.pd.PdCurves;

/**
 * Writes {@code timeseries.csv}: {@code time_h}, {@code rate_mg_per_h}, {@code cp_ng_per_ml}, then
 * {@code cm_ng_per_ml} where the model has a metabolite and {@code ce_ng_per_ml} where it has an
 * effect site, then {@code cm2_ng_per_ml} where it has a second metabolite (formed from the first,
 * e.g. S-hydroxynorketamine), {@code drug_high_score} (a typical healthy volunteer's fraction of the
 * drug-high scale's maximum) where it has an effect site, and {@code ce_pain_ng_per_ml} and
 * {@code responder_nrs_reduction} (the NRS reduction of one patient who responds, with the typical
 * C50: not what a patient can expect) where it has the pain-relief effect site ({@link PdCurves}).
 * Stateless and thread-safe.
 */
public final class TimeSeriesWriter {

    /**
     * @param result the rows of a simulation
     * @param pd     its pharmacodynamics
     * @param out    where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(Series result, PdCurves pd, Writer out) throws IOException {
        boolean metabolite = result.has(Observable.METABOLITE);
        boolean effect = result.has(Observable.EFFECT);
        boolean second = result.has(Observable.METABOLITE2);
        boolean pain = result.has(Observable.PAIN_EFFECT);
        List<String> header = new ArrayList<>(List.of("time_h", "rate_mg_per_h", "cp_ng_per_ml"));
        if (metabolite) {
            header.add("cm_ng_per_ml");
        }
        if (effect) {
            header.add("ce_ng_per_ml");
        }
        if (second) {
            header.add("cm2_ng_per_ml");
        }
        if (effect) {
            header.add("drug_high_score");
        }
        if (pain) {
            header.add("ce_pain_ng_per_ml");
            header.add("responder_nrs_reduction");
        }
        out.write(Csv.header(header));
        double[] t = result.timesH();
        double[] rate = result.pumpRatesMgPerH();
        double[] cp = result.values(Observable.PARENT);
        double[] cm = result.values(Observable.METABOLITE);
        double[] ce = result.values(Observable.EFFECT);
        double[] cm2 = result.values(Observable.METABOLITE2);
        double[] cePain = result.values(Observable.PAIN_EFFECT);
        double[] high = pd.drugHighScore();
        double[] nrs = pd.responderNrsReduction();
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < t.length; i++) {
            row.setLength(0);
            row.append(t[i]).append(',').append(rate[i]).append(',').append(cp[i]);
            if (metabolite) {
                row.append(',').append(cm[i]);
            }
            if (effect) {
                row.append(',').append(ce[i]);
            }
            if (second) {
                row.append(',').append(cm2[i]);
            }
            if (effect) {
                row.append(',').append(high[i]);
            }
            if (pain) {
                row.append(',').append(cePain[i]).append(',').append(nrs[i]);
            }
            row.append('\n');
            out.append(row);
        }
    }
}
