/**
 * The explorer's strings: the `explore` section of each language's catalogue
 * (`src/model/i18n/{en,sv}/explore.ts`), with the `explore.` prefix taken
 * off, as the page's script looks them up (`page.title`, `kind.religious`).
 * `{name}` placeholders are filled in by the page (`fmt` in its script).
 */
import { CATALOGUES, LANGUAGES, type Lang } from '../../model/i18n/index.js';
import type { explore } from '../../model/i18n/en/explore.js';

export const EXPLORER_LANGUAGES = LANGUAGES;
export type ExplorerLang = Lang;

type Unprefixed<K> = K extends `explore.${infer Rest}` ? Rest : never;
export type ExplorerStringKey = Unprefixed<keyof typeof explore>;

/** The `explore.` keys of one catalogue, unprefixed. */
function section(lang: Lang): Readonly<Record<ExplorerStringKey, string>> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(CATALOGUES[lang])) if (key.startsWith('explore.')) out[key.slice('explore.'.length)] = text;
  return Object.freeze(out) as Record<ExplorerStringKey, string>;
}

/** The explorer's strings: `EXPLORER_STRINGS[lang][key]`, the same keys in every language (tested). */
export const EXPLORER_STRINGS: Readonly<Record<ExplorerLang, Readonly<Record<ExplorerStringKey, string>>>> = Object.freeze({ en: section('en'), sv: section('sv') });

