// samverkan/kernels: the metric kernels on the typed-array CSR view of a
// graph, one algorithm per module (see src/metrics/index.ts), for custom
// analyses: `import * as kernels from 'samverkan/kernels'`.
export * from './metrics/index.js';
// The views that hand a network to the kernels: the caller's own copies (the analyses' shared ones stay inside,
// so a change to a copy cannot reach a later analysis).
export { actorViewForCaller as actorView, municipalityViewForCaller as municipalityView, type ActorView } from './analysis/view.js';
