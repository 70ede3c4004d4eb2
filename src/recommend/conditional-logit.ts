/**
 * Conditional logistic regression (McFadden 1974) with an L2 penalty: the
 * fit behind the learned recommender.
 *
 * Data: cases; case `i` has candidate rows `x_ir` (feature vectors) and
 * chosen rows (`y_ir = 1`, at least one). The model scores `s_ir = β·z_ir`
 * on standardised features `z = (x − mean) / sd` (mean and population
 * standard deviation over every row of every case; a feature with sd 0
 * keeps sd 1), and each chosen row is a draw from the case's softmax:
 *
 *     ℓ(β) = Σ_i Σ_{r: y_ir = 1} [ s_ir − ln Σ_q exp(s_iq) ]
 *
 * The fit maximises `ℓ(β) − (λ/2)·‖β‖²` by Newton's method with a
 * backtracking line search (the step halved until the objective does not
 * rise), from `β = 0`, until no coefficient moves by more than `tolerance`
 * (`converged: true`). When no step length down to 10⁻¹⁰ lowers the
 * objective, the fit stops where it is, converged when the full Newton step
 * is below 10⁻⁶ (the optimum, to rounding) and not converged otherwise. With one chosen row per case this is the conditional logit
 * likelihood of statsmodels' `ConditionalLogit` and of Stata's `clogit`;
 * with several it treats each as a separate choice from the same set (the
 * "softmax with several positives" of listwise ranking), which conditions
 * on less than the exact conditional likelihood. Coefficients are returned
 * on the raw scale (`β_raw = β / sd`), so a score is `Σ β_raw·x` (plus a
 * constant that does not change any ranking). The intercept cancels within
 * a case, so there is none.
 */
import { z } from 'zod';
import { FitError, KernelArgumentError } from '../model/errors.js';
import { KernelOptionsError, parseKernelOptions, refusal, said, saidIn } from '../model/options.js';

/** One choice situation: `rows` candidate rows of `features` numbers each, row-major, and which rows were chosen. */
export interface ChoiceCase {
  readonly x: Float64Array;
  readonly rows: number;
  readonly y: Uint8Array;
}

/**
 * Options of {@link fitConditionalLogit}. Strict, with the kernels' contract:
 * a wrong value or an unknown key throws a `KernelOptionsError` (a
 * `RangeError`) naming it.
 */
export const ConditionalLogitOptionsSchema = z.strictObject({
  /** L2 penalty λ on the standardised coefficients, a finite number ≥ 0. Default 1. Use 0 for the unpenalised maximum-likelihood fit. */
  l2: z.number().refine((v) => v >= 0, refusal('errors.fit.l2')).default(1),
  /** Newton iterations at most, an integer ≥ 0. Default 100. */
  maxIterations: z.number().int().nonnegative().default(100),
  /** Convergence: the largest change of a standardised coefficient, a finite number ≥ 0. Default 1e-10. */
  tolerance: z.number().nonnegative().default(1e-10),
  /** Starting coefficients on the raw scale (a warm start), one per feature; default all 0. The solution does not depend on it. */
  start: z.array(z.number()).readonly().optional(),
});
export type ConditionalLogitOptions = z.input<typeof ConditionalLogitOptionsSchema>;

export interface ConditionalLogitFit {
  /** Coefficients on the raw feature scale. */
  readonly coefficients: number[];
  /** Coefficients on the standardised scale (what the penalty applies to). */
  readonly standardised: number[];
  readonly mean: number[];
  readonly sd: number[];
  readonly l2: number;
  /** ℓ(β) at the solution, without the penalty. */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Rows and cases fitted. */
  readonly rows: number;
  readonly cases: number;
}

/** Mean and population sd of each feature over every row of every case (sd 0 → 1). */
export function standardisation(cases: readonly ChoiceCase[], features: number): { mean: number[]; sd: number[] } {
  const mean = new Array<number>(features).fill(0);
  const sq = new Array<number>(features).fill(0);
  let rows = 0;
  for (const c of cases) {
    for (let r = 0; r < c.rows; r++) for (let f = 0; f < features; f++) mean[f]! += c.x[r * features + f]!;
    rows += c.rows;
  }
  for (let f = 0; f < features; f++) mean[f]! /= Math.max(1, rows);
  for (const c of cases) {
    for (let r = 0; r < c.rows; r++) {
      for (let f = 0; f < features; f++) {
        const d = c.x[r * features + f]! - mean[f]!;
        sq[f]! += d * d;
      }
    }
  }
  const sd = sq.map((s) => {
    const v = Math.sqrt(s / Math.max(1, rows));
    return v > 1e-12 ? v : 1;
  });
  return { mean, sd };
}

/** ℓ(β) on raw-scale coefficients (no penalty), e.g. to score held-out cases. */
export function logLikelihood(cases: readonly ChoiceCase[], coefficients: readonly number[]): number {
  const F = coefficients.length;
  let ll = 0;
  for (const c of cases) {
    const s = new Float64Array(c.rows);
    let max = -Infinity;
    for (let r = 0; r < c.rows; r++) {
      let v = 0;
      for (let f = 0; f < F; f++) v += coefficients[f]! * c.x[r * F + f]!;
      s[r] = v;
      if (v > max) max = v;
    }
    let sum = 0;
    let chosen = 0;
    let k = 0;
    for (let r = 0; r < c.rows; r++) {
      sum += Math.exp(s[r]! - max);
      if (c.y[r]) {
        chosen += s[r]!;
        k++;
      }
    }
    ll += chosen - k * (Math.log(sum) + max);
  }
  return ll;
}

/** Solve `H·x = g` for a symmetric positive definite `H` (F×F, row-major) by Cholesky; undefined when `H` is not positive definite. */
function choleskySolve(H: Float64Array, g: Float64Array, F: number): Float64Array | undefined {
  const L = new Float64Array(F * F);
  for (let i = 0; i < F; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * F + j]!;
      for (let k = 0; k < j; k++) s -= L[i * F + k]! * L[j * F + k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        L[i * F + i] = Math.sqrt(s);
      } else L[i * F + j] = s / L[j * F + j]!;
    }
  }
  const y = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    let s = g[i]!;
    for (let k = 0; k < i; k++) s -= L[i * F + k]! * y[k]!;
    y[i] = s / L[i * F + i]!;
  }
  const x = new Float64Array(F);
  for (let i = F - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < F; k++) s -= L[k * F + i]! * x[k]!;
    x[i] = s / L[i * F + i]!;
  }
  return x;
}

/**
 * Fit the penalised conditional logit (see the module comment). Throws a
 * `KernelOptionsError` (a `RangeError`) for an option its schema refuses
 * ({@link ConditionalLogitOptionsSchema}: an `l2` that is not a finite
 * number ≥ 0, an unknown key) or a `start` that has not one value per
 * feature, a `KernelArgumentError` (a `RangeError`) when no case has a
 * chosen row, and a `FitError` when the unpenalised problem has no unique
 * solution (a singular Hessian: use `l2 > 0`).
 *
 * @example
 * const fit = fitConditionalLogit([{ x: Float64Array.of(0, 1, 2), rows: 3, y: Uint8Array.of(0, 0, 1) }], 1, { l2: 1 });
 * fit.coefficients[0] > 0; // the chosen row has the largest x
 */
export function fitConditionalLogit(cases: readonly ChoiceCase[], features: number, options: ConditionalLogitOptions = {}): ConditionalLogitFit {
  const { l2, maxIterations, tolerance, start: warm } = parseKernelOptions(ConditionalLogitOptionsSchema, options, 'fitConditionalLogit');
  // A warm start of another length was ignored before 0.2.0: it is the coefficients of another set of features.
  if (warm !== undefined && warm.length !== features) throw new KernelOptionsError('fitConditionalLogit', 'start', said('errors.fit.startLength', { n: warm.length, features }));
  const used = cases.filter((c) => c.rows > 0 && c.y.some((v) => v === 1));
  if (used.length === 0) throw new KernelArgumentError(saidIn('fitConditionalLogit', said('errors.fit.noChosenRow')));
  const F = features;
  const { mean, sd } = standardisation(used, F);
  const data = standardisedRows(used, F, mean, sd);
  const { rows } = data;
  const p = new Float64Array(rows);
  const nextP = new Float64Array(rows);
  const evaluate = objectiveOf(data, l2);

  let b = warm ? Float64Array.from(warm, (v, f) => v * sd[f]!) : new Float64Array(F);
  let current = evaluate(b, p);
  let iterations = 0;
  let converged = false;
  const newton = newtonSystem(data, l2);
  while (iterations < maxIterations) {
    iterations++;
    const { g, H } = newton(b, p);
    const step = choleskySolve(H, g, F);
    if (!step) throw new FitError(saidIn('fitConditionalLogit', said('errors.fit.singular')));
    // Backtracking: the step halved until the objective does not rise.
    let t = 1;
    let next = b;
    let objective = current;
    let descended = false;
    for (;;) {
      next = Float64Array.from(b, (v, f) => v + t * step[f]!);
      objective = evaluate(next, nextP);
      if (objective <= current + 1e-12) {
        descended = true;
        break;
      }
      if (t < 1e-10) break;
      t /= 2;
    }
    if (!descended) {
      // No step lowers the objective: stay at b (a worse point is never taken).
      let largest = 0;
      for (let f = 0; f < F; f++) largest = Math.max(largest, Math.abs(step[f]!));
      converged = largest < 1e-6;
      break;
    }
    let moved = 0;
    for (let f = 0; f < F; f++) moved = Math.max(moved, Math.abs(next[f]! - b[f]!));
    b = next;
    current = objective;
    p.set(nextP);
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  const standardised = [...b];
  const coefficients = standardised.map((v, f) => v / sd[f]!);
  return {
    coefficients,
    standardised,
    mean,
    sd,
    l2,
    logLikelihood: logLikelihood(used, coefficients),
    iterations,
    converged,
    rows,
    cases: used.length,
  };
}

/** Every case's standardised rows in one array (case i owns rows start[i] .. start[i + 1]), which rows were chosen, and each case's number of chosen rows. */
function standardisedRows(used: readonly ChoiceCase[], F: number, mean: readonly number[], sd: readonly number[]) {
  const rows = used.reduce((sum, c) => sum + c.rows, 0);
  const start = new Int32Array(used.length + 1);
  const z = new Float64Array(rows * F);
  const chosen = new Uint8Array(rows);
  const k = new Float64Array(used.length);
  used.forEach((c, i) => {
    const offset = start[i]!;
    start[i + 1] = offset + c.rows;
    for (let r = 0; r < c.rows; r++) {
      for (let f = 0; f < F; f++) z[(offset + r) * F + f] = (c.x[r * F + f]! - mean[f]!) / sd[f]!;
      chosen[offset + r] = c.y[r]!;
      k[i]! += c.y[r]!;
    }
  });
  return { F, C: used.length, rows, start, z, chosen, k };
}
type StandardisedRows = ReturnType<typeof standardisedRows>;

/** The objective to minimise, −ℓ(b) + λ/2‖b‖², filling `into` with the softmax probabilities of the rows. */
function objectiveOf({ F, C, rows, start, z, chosen }: StandardisedRows, l2: number): (b: Float64Array, into: Float64Array) => number {
  const score = new Float64Array(rows);
  return (b, into) => {
    let objective = 0;
    for (let i = 0; i < C; i++) {
      let max = -Infinity;
      for (let r = start[i]!; r < start[i + 1]!; r++) {
        let v = 0;
        const base = r * F;
        for (let f = 0; f < F; f++) v += b[f]! * z[base + f]!;
        score[r] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let r = start[i]!; r < start[i + 1]!; r++) sum += Math.exp(score[r]! - max);
      const lse = Math.log(sum) + max;
      for (let r = start[i]!; r < start[i + 1]!; r++) {
        into[r] = Math.exp(score[r]! - lse);
        if (chosen[r]) objective -= score[r]! - lse;
      }
    }
    for (let f = 0; f < F; f++) objective += 0.5 * l2 * b[f]! * b[f]!;
    return objective;
  };
}

/** Newton's system at `b` (rows' probabilities `p`): the gradient `g` of the penalised log-likelihood and its negative Hessian `H` (symmetric, filled from the lower triangle); the arrays are reused from one call to the next. */
function newtonSystem({ F, C, start, z, chosen, k }: StandardisedRows, l2: number): (b: Float64Array, p: Float64Array) => { g: Float64Array; H: Float64Array } {
  const g = new Float64Array(F);
  const H = new Float64Array(F * F);
  const mu = new Float64Array(F);
  return (b, p) => {
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < C; i++) {
      mu.fill(0);
      const ki = k[i]!;
      for (let r = start[i]!; r < start[i + 1]!; r++) {
        const base = r * F;
        const pr = p[r]!;
        if (chosen[r]) for (let f = 0; f < F; f++) g[f]! += z[base + f]!;
        for (let f = 0; f < F; f++) mu[f]! += pr * z[base + f]!;
        // H += k · p_r z_r z_rᵀ (lower triangle)
        const w = ki * pr;
        if (w === 0) continue;
        for (let a = 0; a < F; a++) {
          const za = w * z[base + a]!;
          const row = a * F;
          for (let d = 0; d <= a; d++) H[row + d]! += za * z[base + d]!;
        }
      }
      for (let f = 0; f < F; f++) g[f]! -= ki * mu[f]!;
      for (let a = 0; a < F; a++) for (let d = 0; d <= a; d++) H[a * F + d]! -= ki * mu[a]! * mu[d]!;
    }
    for (let a = 0; a < F; a++) {
      g[a]! -= l2 * b[a]!;
      H[a * F + a]! += l2;
      for (let d = 0; d < a; d++) H[d * F + a] = H[a * F + d]!;
    }
    return { g, H };
  };
}
