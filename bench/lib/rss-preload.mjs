// Preloaded by bench/lib/measure.ts runInChild (node --import): when the
// child exits, print its peak resident set size (KB) to stderr so the parent
// can read it when GNU /usr/bin/time is not available.
process.on('exit', () => {
  process.stderr.write(`__BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
