package org.ketasim.core.engine.batch;

/** The per-subject summaries being filled in, one slot per subject; each walk writes its own slots. */
final class Results {

    final double[] cmaxParent;
    final double[] tmaxParent;
    final double[] aucParent;
    final double[] cmaxMetabolite;
    final double[] aucMetabolite;
    final double[] cmaxEffect;

    Results(int n) {
        cmaxParent = new double[n];
        tmaxParent = new double[n];
        aucParent = new double[n];
        cmaxMetabolite = new double[n];
        aucMetabolite = new double[n];
        cmaxEffect = new double[n];
    }

    void put(int s, double cmaxP, double tmaxP, double aucP, double cmaxM, double aucM, double cmaxE) {
        cmaxParent[s] = cmaxP;
        tmaxParent[s] = tmaxP;
        aucParent[s] = aucP;
        cmaxMetabolite[s] = cmaxM;
        aucMetabolite[s] = aucM;
        cmaxEffect[s] = cmaxE;
    }
}
