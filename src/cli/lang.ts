import { knownCountry } from '../countries/index.js';
import { LANGUAGES, resolveLang, type Lang } from '../model/i18n/index.js';
import type { CooperationNetwork } from '../model/network.js';
import { CLI_DEFAULT_COUNTRY, type ParsedArgs } from './context.js';

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
  return resolveLang(undefined, CLI_DEFAULT_COUNTRY);
}

/** The language once the data is read: `--lang`, else the geography's (Swedish for Swedish municipalities), else English. */
export function dataLang(values: ParsedArgs['values'], net: CooperationNetwork): Lang {
  return resolveLang(givenLang(values), net.geography);
}


/** The language of the data a command read, by the command's parsed values: the one place it is kept (see {@link messageLang}). */
const dataLangs = new WeakMap<ParsedArgs['values'], Lang>();

/** Record the language of the data the command read ({@link dataLang}); `loadInput` does, once the network is loaded. */
export function setDataLang(values: ParsedArgs['values'], lang: Lang): void {
  dataLangs.set(values, lang);
}

/**
 * The language of a command's messages: the data's once it is read, else
 * {@link startLang}. Every message of a command asks this, so a command
 * says everything after the load in the data's language.
 */
export function messageLang(values: ParsedArgs['values']): Lang {
  return dataLangs.get(values) ?? startLang(values);
}
