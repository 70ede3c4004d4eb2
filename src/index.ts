export * from './model/table.js';
export { toCsr, type Csr, type CsrOptions } from './metrics/csr.js';
