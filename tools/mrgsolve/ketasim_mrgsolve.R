#!/usr/bin/env Rscript
# Side-by-side baseline of ketasim against mrgsolve (an independent R/C++ ODE solver, LSODA) for
# scenarios/dutch-survey/nl-inpatient-median.yaml with the built-in model fanta-otto at 70 kg.
# See README.md beside this file. mrgsolve must already be installed (library(mrgsolve) works).
#
#   Rscript tools/mrgsolve/ketasim_mrgsolve.R [--ketasim-run DIR] [--ketasim-pop DIR] [--n 10000]
#       [--seed 1] [--reps 3] [--cores 1] [--rtol 1e-10] [--atol 1e-14] [--out DIR] [--no-timing]
#
#   --ketasim-run DIR  output of `ketasim run ... --out DIR`: DIR/nl-inpatient-median/timeseries.csv
#   --ketasim-pop DIR  output of `ketasim population ... -o DIR`: DIR/nl-inpatient-median/
#                      population_bands.csv and population_subjects.csv
#   --n, --seed        subjects and seed of the mrgsolve population (etas drawn here, in R)
#   --reps             repetitions of each timed run (the median is reported)
#   --cores            > 1: the timed simulation is split over subjects with parallel::mclapply
#   --rtol, --atol     LSODA tolerances (the defaults give ~2e-8 relative against ketasim; mrgsolve's
#                      own defaults, 1e-8 and 1e-8, give only ~2e-4 in the 1e-5 ng/mL washout tail)
#   --out DIR          where the CSV outputs and summary.txt go (default /tmp/ketasim-mrgsolve)
# Exit status: 0 if every check that could be run passed, 1 otherwise.

suppressPackageStartupMessages(library(mrgsolve))

# ---------------------------------------------------------------------------------------------
# options
args <- commandArgs(trailingOnly = TRUE)
opt <- list(`ketasim-run` = NA, `ketasim-pop` = NA, n = "10000", seed = "1", reps = "3", cores = "1",
            rtol = "1e-10", atol = "1e-14", out = "/tmp/ketasim-mrgsolve", timing = "yes")
i <- 1
while (i <= length(args)) {
  a <- sub("^--", "", args[i])
  if (a == "no-timing") {
    opt$timing <- "no"; i <- i + 1; next
  }
  if (grepl("=", a)) {
    kv <- strsplit(a, "=", fixed = TRUE)[[1]]; a <- kv[1]; val <- paste(kv[-1], collapse = "=")
    i <- i + 1
  } else {
    val <- args[i + 1]; i <- i + 2
  }
  if (!a %in% names(opt) || is.na(val)) stop("unknown or incomplete option: ", args[i - 1])
  opt[[a]] <- val
}
N <- as.integer(opt$n); SEED <- as.integer(opt$seed); REPS <- as.integer(opt$reps)
CORES <- as.integer(opt$cores); RTOL <- as.numeric(opt$rtol); ATOL <- as.numeric(opt$atol)
dir.create(opt$out, showWarnings = FALSE, recursive = TRUE)
log_lines <- character()
say <- function(...) {
  line <- paste0(...)
  cat(line, "\n", sep = "")
  log_lines <<- c(log_lines, line)
}
ok_all <- TRUE
check <- function(ok, what) {
  if (!ok) ok_all <<- FALSE
  sprintf("[%s %s]", if (ok) "PASS" else "FAIL", what)
}

here <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else getwd()
})

say("mrgsolve ", as.character(packageVersion("mrgsolve")), " from ", dirname(find.package("mrgsolve")),
    "; ", R.version.string)
say("CPU: ", tryCatch(sub("^Model name:\\s*", "", grep("^Model name", system("lscpu", intern = TRUE),
                                                      value = TRUE)[1]), error = function(e) "?"),
    "; detectCores() = ", parallel::detectCores())
say("LSODA rtol ", RTOL, ", atol ", ATOL)

# ---------------------------------------------------------------------------------------------
# model, regimen, output grid
t0 <- Sys.time()
mod <- mread("fanta_otto", project = here, file = "fanta_otto.mod", soloc = tempdir(), quiet = TRUE)
say(sprintf("model compiled and loaded in %.2f s", as.numeric(Sys.time() - t0, units = "secs")))
mod <- update(mod, end = 264, delta = 0.25, rtol = RTOL, atol = ATOL, maxsteps = 1e6)
rates <- seq(5, 19, by = 2)                                   # mg/h on [0,12), [12,24), ..., [84,96)
doses <- ev(time = 12 * (seq_along(rates) - 1), amt = rates * 12, rate = rates, cmt = 1)
NT <- 1057                                                    # 0, 0.25, ..., 264 h
OUTS <- c("CP", "CM", "CE", "CEPAIN")
BANDED <- c(parent = "CP", metabolite = "CM", effect = "CE")  # ketasim's population_bands.csv
PROBS <- c(0.05, 0.25, 0.50, 0.75, 0.95)
PCT <- c(5, 25, 50, 75, 95)

sim <- function(idata = NULL) {
  s <- mrgsim_df(mod, events = doses, idata = idata, obsonly = TRUE, Req = OUTS)
  s
}

# Omega (log scale) of the fanta-otto card, in the order V1, CL, metabolite V1, metabolite CL
OMEGA <- matrix(c(0.084, 0.023, 0,     0,
                  0.023, 0.026, 0,     0,
                  0,     0,     0.040, 0.044,
                  0,     0,     0.044, 0.103), 4, 4, byrow = TRUE)
ETAS <- c("ETAV1", "ETACL", "ETAVM", "ETACLM")
draw_idata <- function(n, seed) {
  set.seed(seed)                                              # R's Mersenne-Twister, inversion
  z <- matrix(rnorm(4 * n), n, 4)
  eta <- z %*% chol(OMEGA)                                    # rows ~ N(0, Omega)
  colnames(eta) <- ETAS
  data.frame(ID = seq_len(n), eta)
}

# ---------------------------------------------------------------------------------------------
# 1. typical subject
say("\n== 1. typical subject (all etas 0) over ", NT, " rows")
typ <- sim()
stopifnot(nrow(typ) == NT, isTRUE(all.equal(typ$time, seq(0, 264, by = 0.25), tolerance = 0)))
write.csv(data.frame(time_h = typ$time, cp_ng_per_ml = typ$CP, cm_ng_per_ml = typ$CM,
                     ce_ng_per_ml = typ$CE, ce_pain_ng_per_ml = typ$CEPAIN),
          file.path(opt$out, "typical_timeseries.csv"), row.names = FALSE)
reldiff <- function(a, b) {                                   # max |a-b|/|b| where b != 0; max |a-b| where b == 0
  nz <- b != 0
  c(rel = if (any(nz)) max(abs(a[nz] - b[nz]) / abs(b[nz])) else 0,
    at = if (any(nz)) which(nz)[which.max(abs(a[nz] - b[nz]) / abs(b[nz]))] else NA,
    abs0 = if (any(!nz)) max(abs(a[!nz] - b[!nz])) else 0)
}
if (!is.na(opt$`ketasim-run`)) {
  k <- read.csv(file.path(opt$`ketasim-run`, "nl-inpatient-median", "timeseries.csv"))
  stopifnot(nrow(k) == NT, max(abs(k$time_h - typ$time)) == 0)
  cols <- c(CP = "cp_ng_per_ml", CM = "cm_ng_per_ml", CE = "ce_ng_per_ml", CEPAIN = "ce_pain_ng_per_ml")
  for (v in names(cols)) {
    r <- reldiff(typ[[v]], k[[cols[v]]])
    say(sprintf("  %-6s max rel diff %.3e (at %6.2f h; ketasim %.6g, mrgsolve %.6g), abs diff where ketasim = 0: %.1e  %s",
                v, r["rel"], typ$time[r["at"]], k[[cols[v]]][r["at"]], typ[[v]][r["at"]], r["abs0"],
                check(r["rel"] <= 1e-6 && r["abs0"] <= 1e-9, "1e-6 relative")))
  }
  say(sprintf("  infusion rate column of ketasim matches the regimen: %s",
              check(all(k$rate_mg_per_h == ifelse(k$time_h < 96, rates[pmin(floor(k$time_h / 12) + 1, 8)], 0)),
                    "regimen")))
} else {
  say("  (no --ketasim-run: typical subject written, not compared)")
}

# ---------------------------------------------------------------------------------------------
# quantile bands: per time row, R type 7 over subjects; sim ordered by ID then time
to_matrix <- function(s, v) {
  m <- matrix(s[[v]], nrow = NT)                             # NT x subjects
  m
}
bands_of <- function(s, probs = PROBS) {
  n <- nrow(s) / NT
  stopifnot(n == round(n), s$time[1:NT] == s$time[(nrow(s) - NT + 1):nrow(s)])
  lapply(BANDED, function(v) t(apply(to_matrix(s, v), 1, quantile, probs = probs, type = 7, names = FALSE)))
}
write_bands <- function(b, path) {
  df <- data.frame(time_h = seq(0, 264, by = 0.25))
  for (a in names(b)) for (j in seq_along(PCT)) df[[sprintf("%s_p%d_ng_per_ml", a, PCT[j])]] <- b[[a]][, j]
  write.csv(df, path, row.names = FALSE)
}
read_k_bands <- function(dir) {
  kb <- read.csv(file.path(dir, "nl-inpatient-median", "population_bands.csv"))
  stopifnot(nrow(kb) == NT)
  lapply(setNames(names(BANDED), names(BANDED)), function(a)
    as.matrix(kb[, sprintf("%s_p%d_ng_per_ml", a, PCT)]))
}

# ---------------------------------------------------------------------------------------------
# 2. population with etas drawn in R
say("\n== 2. population: ", N, " subjects, etas drawn in R (set.seed(", SEED, "), eta = z chol(Omega))")
idata <- draw_idata(N, SEED)
emp <- cov(as.matrix(idata[, ETAS]))
say(sprintf("  sample covariance of the etas vs Omega: max |diff| %.4f (Omega diagonal %s)",
            max(abs(emp - OMEGA)), paste(diag(OMEGA), collapse = ", ")))
pop <- sim(idata)
stopifnot(nrow(pop) == N * NT)
own <- bands_of(pop)
write_bands(own, file.path(opt$out, "mrgsolve_population_bands.csv"))

if (!is.na(opt$`ketasim-pop`)) {
  kb <- read_k_bands(opt$`ketasim-pop`)
  ks <- read.csv(file.path(opt$`ketasim-pop`, "nl-inpatient-median", "population_subjects.csv"))
  nk <- nrow(ks)
  rows <- which(seq(0, 264, by = 0.25) > 0)
  # Monte Carlo SE of one sample quantile of log C: sqrt(p(1-p)/n) / f(Q(p)), the sparsity 1/f
  # from the own sample's order-statistic spacing with the Hall-Sheather bandwidth (as in
  # tools/reference-solver/popcheck.py); SE(d) of the difference of two independent samples is
  # SE_own * sqrt(1 + n_own / n_ketasim). Pass if |d| <= 4.5 SE(d) at every row t > 0.
  hs <- function(p, n, alpha = 0.05) {
    z <- qnorm(p)
    n^(-1 / 3) * qnorm(1 - alpha / 2)^(2 / 3) * (1.5 * dnorm(z)^2 / (2 * z^2 + 1))^(1 / 3)
  }
  h <- hs(PROBS, N)
  say(sprintf("  vs ketasim population_bands.csv (%d subjects, its own RNG): d = log(q_ketasim / q_mrgsolve) at %d rows (t > 0)",
              nk, length(rows)))
  say("  analyte     pct  max|d|   median|d|  max|d|/SE(d)  worst at t(h)  SE(d) there  within 4.5 SE")
  for (a in names(BANDED)) {
    y <- log(to_matrix(pop, BANDED[[a]])[rows, , drop = FALSE])
    lo <- t(apply(y, 1, quantile, probs = PROBS - h, type = 7, names = FALSE))
    hi <- t(apply(y, 1, quantile, probs = PROBS + h, type = 7, names = FALSE))
    se1 <- sweep((hi - lo), 2, 2 * h, "/") * rep(sqrt(PROBS * (1 - PROBS) / N), each = length(rows))
    sed <- se1 * sqrt(1 + N / nk)
    d <- log(kb[[a]][rows, ]) - log(own[[a]][rows, ])
    z <- d / sed
    for (j in seq_along(PCT)) {
      w <- which.max(abs(z[, j]))
      say(sprintf("  %-10s P%-3d %.4f   %.4f     %.2f          %7.2f        %.4f       %s",
                  a, PCT[j], max(abs(d[, j])), median(abs(d[, j])), abs(z[w, j]), (rows[w] - 1) * 0.25,
                  sed[w, j], check(abs(z[w, j]) <= 4.5, paste(a, PCT[j]))))
    }
  }
  # the same subjects as ketasim: its etas re-simulated here, bands recomputed -> solver + quantiles
  say("\n== 3. ketasim's own ", nk, " subjects (etas from population_subjects.csv) re-simulated with mrgsolve")
  kid <- data.frame(ID = seq_len(nk), ETAV1 = ks$eta_V1, ETACL = ks$eta_CL,
                    ETAVM = ks$eta_metabolite_V1, ETACLM = ks$eta_metabolite_CL, WT = ks$weight_kg)
  same <- bands_of(sim(kid))
  write_bands(same, file.path(opt$out, "mrgsolve_bands_ketasim_etas.csv"))
  for (a in names(BANDED)) {
    r <- reldiff(as.vector(same[[a]]), as.vector(kb[[a]]))
    say(sprintf("  %-10s bands max rel diff %.3e, abs diff where ketasim = 0: %.1e  %s",
                a, r["rel"], r["abs0"], check(r["rel"] <= 1e-6 && r["abs0"] <= 1e-9, "1e-6 relative")))
  }
  say("\n  some rows, ketasim (its RNG) | mrgsolve (R's RNG) | mrgsolve on ketasim's etas, parent ng/mL:")
  for (t in c(12, 48, 95.75, 120, 168, 264)) {
    r <- t / 0.25 + 1
    say(sprintf("  t %6.2f h  P5 %9.4g | %9.4g | %9.4g   P50 %9.4g | %9.4g | %9.4g   P95 %9.4g | %9.4g | %9.4g", t,
                kb$parent[r, 1], own$parent[r, 1], same$parent[r, 1], kb$parent[r, 3], own$parent[r, 3],
                same$parent[r, 3], kb$parent[r, 5], own$parent[r, 5], same$parent[r, 5]))
  }
} else {
  say("  (no --ketasim-pop: bands written, not compared)")
}
rm(pop); invisible(gc())

# ---------------------------------------------------------------------------------------------
# 4. timing
if (opt$timing == "yes") {
  say(sprintf("\n== 4. timing, %d subjects x %d rows, median of %d runs (elapsed s), %d core(s)", N, NT, REPS, CORES))
  simulate_population <- function() {                         # (a): draw etas + simulate
    id <- draw_idata(N, SEED)
    if (CORES <= 1) return(sim(id))
    parts <- split(id, cut(seq_len(N), CORES, labels = FALSE))
    res <- parallel::mclapply(parts, function(p) {
      s <- sim(p); lapply(setNames(BANDED, BANDED), function(v) to_matrix(s, v))
    }, mc.cores = CORES)
    res                                                       # list per chunk of NT x n matrices
  }
  with_quantiles <- function() {                              # (b): (a) + 5 quantiles x 3 analytes x NT rows
    s <- simulate_population()
    if (CORES <= 1) return(bands_of(s))
    lapply(BANDED, function(v) {
      m <- do.call(cbind, lapply(s, `[[`, v))
      t(apply(m, 1, quantile, probs = PROBS, type = 7, names = FALSE))
    })
  }
  time_it <- function(f) {
    vapply(seq_len(REPS), function(r) {
      invisible(gc())
      t <- system.time(x <- f())[["elapsed"]]
      rm(x)
      t
    }, numeric(1))
  }
  ta <- time_it(simulate_population)
  say(sprintf("  (a) simulation alone (eta draws + mrgsim_df): median %.2f s  (runs %s)", median(ta),
              paste(sprintf("%.2f", ta), collapse = ", ")))
  tb <- time_it(with_quantiles)
  say(sprintf("  (b) simulation + quantile bands:               median %.2f s  (runs %s)", median(tb),
              paste(sprintf("%.2f", tb), collapse = ", ")))
  write.csv(data.frame(what = rep(c("simulation", "simulation+quantiles"), each = REPS), run = rep(seq_len(REPS), 2),
                       seconds = c(ta, tb), n = N, cores = CORES, rtol = RTOL, atol = ATOL),
            file.path(opt$out, sprintf("timing_cores%d.csv", CORES)), row.names = FALSE)
}

say(if (ok_all) "\nall checks passed" else "\nSOME CHECKS FAILED")
writeLines(log_lines, file.path(opt$out, "summary.txt"))
quit(status = if (ok_all) 0 else 1)
