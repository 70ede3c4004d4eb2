import { DEFAULT_COUNTRY } from '../countries/default.js';
import { knownCountry } from '../countries/index.js';
import { LANGUAGES, resolveLang, type Lang } from '../model/i18n/index.js';
import type { CooperationNetwork } from '../model/network.js';
import type { ParsedArgs } from './context.js';

/** The `--lang` flag's language, if given (`run` checked it). */
export function givenLang(values: ParsedArgs['values']): Lang | undefined {
  const lang = values.lang;
  return typeof lang === 'string' && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Lang) : undefined;
}

/**
 * The language before the data is read (help, usage errors): `--lang`, else
 * the language of the country `--geography` names, else (a folder of your
 * own) English, else the default country's, whose data the embedded
 * datasets are.
 */
export function startLang(values: ParsedArgs['values']): Lang {
  const given = givenLang(values);
  if (given) return given;
  if (typeof values.geography === 'string') return resolveLang(undefined, knownCountry(values.geography));
  return resolveLang(undefined, DEFAULT_COUNTRY);
}

/** The language once the data is read: `--lang`, else the geography's (Swedish for Swedish municipalities), else English. */
export function dataLang(values: ParsedArgs['values'], net: CooperationNetwork): Lang {
  return resolveLang(givenLang(values), net.geography);
}


/** Set by `loadInput` to the language of the data it read, on the values of the command (a key no flag can have). */
export const DATA_LANG = '\u0000data-lang';

/** The language of a message about the command's data: the data's once it is read (`DATA_LANG`), else {@link startLang}. */
export function messageLang(values: ParsedArgs['values']): Lang {
  const set = values[DATA_LANG];
  return typeof set === 'string' && (LANGUAGES as readonly string[]).includes(set) ? (set as Lang) : startLang(values);
}
