import { defineConfig } from 'tsup';

// d3 modules are ESM-only; bundling them lets `require('samverkan')` work in
// CommonJS without relying on Node's require(esm).
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  splitting: false,
  treeshake: true,
  noExternal: [/^d3-/, 'internmap'],
});
