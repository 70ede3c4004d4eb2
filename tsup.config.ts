import { defineConfig } from 'tsup';

// d3 modules are ESM-only; bundling them lets `require('samverkan')` work in
// CommonJS without relying on Node's require(esm).
export default defineConfig({
  entry: { index: 'src/index.ts', model: 'src/model.ts', io: 'src/io.ts', geo: 'src/geo.ts', report: 'src/report.ts', recommend: 'src/recommend.ts', format: 'src/format.ts', kernels: 'src/kernels.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', model: 'src/model.ts', io: 'src/io.ts', geo: 'src/geo.ts', report: 'src/report.ts', recommend: 'src/recommend.ts', format: 'src/format.ts', kernels: 'src/kernels.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  // The subpaths share the root's modules (one CooperationNetwork, one error class each): shared chunks, not copies.
  splitting: true,
  treeshake: true,
  noExternal: [/^d3-/, 'internmap'],
});
