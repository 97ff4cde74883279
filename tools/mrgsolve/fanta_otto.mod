$PROB
ketasim built-in model `fanta-otto` as an mrgsolve ODE model (written from the ketasim sources:
SKetamineModels.fantaOtto, LinearSystem, PkModel.forWeight, ModelLibrary, Variability).

- S-ketamine: 3 compartments, Fanta 2015 (fixed in Otto 2021), 70 kg: V1 133 L, CL 95.2 L/h,
  V2 187 L, Q2 23.2 L/h, V3 98.8 L, Q3 157 L/h.
- S-norketamine: 2 compartments, Otto 2021: V 98.6 L, CL 57.7 L/h, Vp 160 L, Q 42.8 L/h; formed
  from all S-ketamine clearance (fraction 1, molar mass ratio 1: S-ketamine mass equivalents).
- Acute effect site ke0 = ln 2 / 6.1 min (Olofsen 2012) and the slow pain effect site
  ke0 = ln 2 / 10.9 d (Dahan 2011), both driven by the S-ketamine plasma concentration A1/V1.
- Weight: (WT/70)^1 on both central volumes, (WT/70)^0.75 on both elimination clearances;
  peripheral volumes and flows unscaled.
- IIV: log-normal, parameter = typical * exp(ETA), the etas are given per subject as
  parameters (drawn in R, or read from ketasim's population_subjects.csv), not by $OMEGA.
Units: mg, L, h; the captured concentrations are ng/mL.

$PARAM
V1 = 133, CL = 95.2, V2 = 187, Q2 = 23.2, V3 = 98.8, Q3 = 157
FM = 1, VM = 98.6, CLM = 57.7, VMP = 160, QM = 42.8
T12KE0 = 6.1, T12PAIN = 10.9
WT = 70
ETAV1 = 0, ETACL = 0, ETAVM = 0, ETACLM = 0

$CMT CENT PER2 PER3 MET METP EFF EFFP

$MAIN
double v1  = V1  * (WT / 70.0)           * exp(ETAV1);
double cl  = CL  * pow(WT / 70.0, 0.75)  * exp(ETACL);
double vm  = VM  * (WT / 70.0)           * exp(ETAVM);
double clm = CLM * pow(WT / 70.0, 0.75)  * exp(ETACLM);
double ke0  = log(2.0) / (T12KE0 / 60.0);
double kep  = log(2.0) / (T12PAIN * 24.0);

$ODE
double cp = CENT / v1;
dxdt_CENT = -(cl + Q2 + Q3) * cp + Q2 / V2 * PER2 + Q3 / V3 * PER3;
dxdt_PER2 = Q2 * cp - Q2 / V2 * PER2;
dxdt_PER3 = Q3 * cp - Q3 / V3 * PER3;
dxdt_MET  = FM * cl * cp - (clm + QM) / vm * MET + QM / VMP * METP;
dxdt_METP = QM / vm * MET - QM / VMP * METP;
dxdt_EFF  = ke0 * (cp - EFF);
dxdt_EFFP = kep * (cp - EFFP);

$TABLE
capture CP = CENT / v1 * 1000.0;
capture CM = MET / vm * 1000.0;
capture CE = EFF * 1000.0;
capture CEPAIN = EFFP * 1000.0;
