/*
 * C baseline for ketasim's standard case (docs/benchmarks.md): the per-step recurrence of a
 * 6-state linear model over 5,760 one-minute steps of a 4-day titrated IV regimen (5 mg/h, +2 mg/h
 * every 12 h, max 25 mg/h), keeping Cmax/Tmax of the parent and Cmax of the metabolite and the
 * effect site, for many subjects, each with its own coefficients.
 *
 *   dense: x <- Phi x + Gamma u, a 6x6 matrix-vector product per step and subject;
 *   modal: z_k <- e_k z_k + g_k u per mode, with the subjects in structure of arrays so that the
 *          compiler vectorises across subjects;
 *   modal in registers: the same recurrence on vectors of 8 subjects (GCC vector extensions), every
 *          mode, weight and running maximum of one group of subjects held in registers for the
 *          whole walk.
 *
 * Only the stepping is timed: the coefficients are made up once (stable, of the right magnitude),
 * as a hand-written loop would receive them. Build and run: see run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define M 6
#define STEPS 5760
#define BLOCK 64

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double rate(int step) {
    int k = step / 720; /* 12 h of 1-min steps */
    double r = 5.0 + 2.0 * k;
    return r > 25.0 ? 25.0 : r;
}

static double uniform(unsigned long long *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double) (*s >> 11) / 9007199254740992.0;
}

static double dense(int subjects) {
    unsigned long long seed = 1;
    double phi[M][M], gam[M], cpw[M], cmw[M], cew[M], sink = 0;
    double t0 = now();
    for (int s = 0; s < subjects; s++) {
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) phi[i][j] = (i == j ? 0.9 : 0.01) * (0.9 + 0.1 * uniform(&seed));
            gam[i] = 0.01 * uniform(&seed);
            cpw[i] = uniform(&seed); cmw[i] = uniform(&seed); cew[i] = uniform(&seed);
        }
        double x[M] = {0}, y[M], cmaxp = 0, tmaxp = 0, cmaxm = 0, cmaxe = 0;
        for (int step = 0; step < STEPS; step++) {
            double u = rate(step);
            for (int i = 0; i < M; i++) {
                double v = gam[i] * u;
                for (int j = 0; j < M; j++) v += phi[i][j] * x[j];
                y[i] = v;
            }
            double cp = 0, cm = 0, ce = 0;
            for (int i = 0; i < M; i++) { x[i] = y[i]; cp += cpw[i] * x[i]; cm += cmw[i] * x[i]; ce += cew[i] * x[i]; }
            if (cp > cmaxp) { cmaxp = cp; tmaxp = step; }
            cmaxm = cm > cmaxm ? cm : cmaxm;
            cmaxe = ce > cmaxe ? ce : cmaxe;
        }
        sink += cmaxp + tmaxp + cmaxm + cmaxe;
    }
    double t = now() - t0;
    if (sink == 42) puts("");
    return subjects / t;
}

static double modal(int subjects) {
    unsigned long long seed = 2;
    static double z[M][BLOCK], d[M][BLOCK], g[M][BLOCK], wp[M][BLOCK], wm[M][BLOCK], we[M][BLOCK];
    double cp[BLOCK], cm[BLOCK], ce[BLOCK], cmaxp[BLOCK], tmaxp[BLOCK], cmaxm[BLOCK], cmaxe[BLOCK], sink = 0;
    double t0 = now();
    for (int first = 0; first < subjects; first += BLOCK) {
        for (int k = 0; k < M; k++)
            for (int s = 0; s < BLOCK; s++) {
                z[k][s] = 0; d[k][s] = 0.5 + 0.5 * uniform(&seed); g[k][s] = 0.01 * uniform(&seed);
                wp[k][s] = uniform(&seed); wm[k][s] = uniform(&seed); we[k][s] = uniform(&seed);
            }
        for (int s = 0; s < BLOCK; s++) cmaxp[s] = tmaxp[s] = cmaxm[s] = cmaxe[s] = 0;
        for (int step = 0; step < STEPS; step++) {
            double u = rate(step);
            for (int s = 0; s < BLOCK; s++) cp[s] = cm[s] = ce[s] = 0;
            for (int k = 0; k < M; k++)
                for (int s = 0; s < BLOCK; s++) {
                    double next = d[k][s] * z[k][s] + g[k][s] * u;
                    z[k][s] = next;
                    cp[s] += wp[k][s] * next; cm[s] += wm[k][s] * next; ce[s] += we[k][s] * next;
                }
            for (int s = 0; s < BLOCK; s++) {
                int up = cp[s] > cmaxp[s];
                cmaxp[s] = up ? cp[s] : cmaxp[s];
                tmaxp[s] = up ? step : tmaxp[s];
                cmaxm[s] = cm[s] > cmaxm[s] ? cm[s] : cmaxm[s];
                cmaxe[s] = ce[s] > cmaxe[s] ? ce[s] : cmaxe[s];
            }
        }
        for (int s = 0; s < BLOCK; s++) sink += cmaxp[s] + tmaxp[s] + cmaxm[s] + cmaxe[s];
    }
    double t = now() - t0;
    if (sink == 42) puts("");
    return subjects / t;
}

typedef double v8 __attribute__((vector_size(64)));

typedef long long v8i __attribute__((vector_size(64)));

/* Lanes of a where the mask is set, of b elsewhere. */
static v8 lanes(v8i mask, v8 a, v8 b) { return (v8) (((v8i) a & mask) | ((v8i) b & ~mask)); }

static v8 vmax(v8 a, v8 b) { return lanes(a > b, a, b); }

static double modal_registers(int subjects) {
    unsigned long long seed = 3;
    double sink = 0;
    double t0 = now();
    for (int first = 0; first < subjects; first += 8) {
        v8 d[M], g[M], wp[M], wm[M], we[M], z[M];
        for (int k = 0; k < M; k++)
            for (int s = 0; s < 8; s++) {
                d[k][s] = 0.5 + 0.5 * uniform(&seed); g[k][s] = 0.01 * uniform(&seed);
                wp[k][s] = uniform(&seed); wm[k][s] = uniform(&seed); we[k][s] = uniform(&seed);
                z[k][s] = 0;
            }
        v8 cmaxp = {0}, tmaxp = {0}, cmaxm = {0}, cmaxe = {0};
        for (int step = 0; step < STEPS; step++) {
            double u = rate(step);
            v8 cp = {0}, cm = {0}, ce = {0};
            for (int k = 0; k < M; k++) {
                z[k] = d[k] * z[k] + g[k] * u;
                cp += wp[k] * z[k]; cm += wm[k] * z[k]; ce += we[k] * z[k];
            }
            v8 stepv = cmaxp * 0 + (double) step;
            tmaxp = lanes(cp > cmaxp, stepv, tmaxp);
            cmaxp = vmax(cp, cmaxp); cmaxm = vmax(cm, cmaxm); cmaxe = vmax(ce, cmaxe);
        }
        for (int s = 0; s < 8; s++) sink += cmaxp[s] + tmaxp[s] + cmaxm[s] + cmaxe[s];
    }
    double t = now() - t0;
    if (sink == 42) puts("");
    return subjects / t;
}

int main(int argc, char **argv) {
    int subjects = argc > 1 ? atoi(argv[1]) : 20000;
    dense(subjects / 10);
    modal(subjects / 10);
    modal_registers(subjects / 10);
    printf("C dense: %.0f subjects/s\n", dense(subjects));
    printf("C modal: %.0f subjects/s\n", modal(subjects * 4));
    printf("C modal registers: %.0f subjects/s\n", modal_registers(subjects * 4));
    return 0;
}
