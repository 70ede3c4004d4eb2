/**
 * The country's words the demo generator reads (`DemoWords`): defined in the
 * model (`src/model/demo-words.ts`), so a `Country` carries its own as
 * `demoWords`, and re-exported here beside the stages that read them. The
 * generator takes them as an argument; only its entries pick a default
 * (the scale sizes' options, `scripts/generate-demo.ts`).
 *
 * @module
 */
export type { DemoWords } from '../../model/demo-words.js';
