/** The explorer's ties: the tie model shared with the county map (`../map/ties.ts`). */
export { tiesOf } from '../map/ties.js';
