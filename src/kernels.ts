// samverkan/kernels: the metric kernels on the typed-array CSR view of a
// graph, one algorithm per module (see src/metrics/index.ts), for custom
// analyses: `import * as kernels from 'samverkan/kernels'`.
export * from './metrics/index.js';
