import { resolve } from 'node:path';
import { message } from '../../model/i18n/index.js';
import { issueReason } from '../../model/options.js';
import { writeSyntheticNetwork } from '../../synthetic/files.js';
import { SyntheticNetworkOptionsSchema } from '../../synthetic/network.js';
import { CLI_DEFAULT_COUNTRY, UsageError } from '../context.js';
import { cliFlag, flagOfOption, flagsOf, libraryFlag, optionsOf, type FlagTable } from '../flags.js';
import { defineCommand, messageLang } from './shared.js';

const GENERATE_FLAGS = {
  links: libraryFlag(SyntheticNetworkOptionsSchema, 'links', { value: 'N', help: 'cli.flag.generate.links', default: false }),
  out: cliFlag({ type: 'string', short: 'o', value: 'DIR', help: 'cli.flag.generate.out' }),
  seed: libraryFlag(SyntheticNetworkOptionsSchema, 'seed', { value: 'S', help: 'cli.flag.generate.seed' }),
  municipalities: libraryFlag(SyntheticNetworkOptionsSchema, 'municipalities', { value: 'M', help: 'cli.flag.generate.municipalities' }),
  counties: libraryFlag(SyntheticNetworkOptionsSchema, 'counties', { value: 'C', help: 'cli.flag.generate.counties' }),
} as const satisfies FlagTable;

export const generateCommand = defineCommand({
  name: 'generate',
  usage: '--links N --out DIR [options]',
  groups: [{ title: 'cli.help.options', flags: GENERATE_FLAGS }],
  examples: ['samverkan generate --links 100000 --seed 7 --out bench-100k', 'samverkan summary --geography bench-100k --actors bench-100k/actors.csv --links bench-100k/links.csv'],
  run({ values, flags }, io) {
    const lang = messageLang(values);
    const { out } = flagsOf(GENERATE_FLAGS, flags);
    const options = optionsOf(GENERATE_FLAGS, flags);
    if (options.links === undefined) throw new UsageError(message(lang, 'cli.error.required', { flag: '--links' }), message(lang, 'cli.hint.example', { example: '--links 100000' }));
    if (out === undefined) throw new UsageError(message(lang, 'cli.error.required', { flag: '--out' }), message(lang, 'cli.hint.outDir'));
    // The checks across options (enough links for the municipalities, fewer counties than municipalities), named by their flag.
    const parsed = SyntheticNetworkOptionsSchema.safeParse(options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      // The reason in the command's language (the schema's checks across options are said in every language); no value: the sentence names the numbers.
      throw new UsageError(`${flagOfOption(GENERATE_FLAGS, String(issue.path[0] ?? 'links'))}: ${issueReason(issue, undefined, lang)}`, message(lang, 'cli.hint.seeHelp', { command: 'generate' }));
    }
    const dir = resolve(io.cwd ?? process.cwd(), out);
    // The invented country is named with the default country's words, chosen here at the command's entry.
    const words = CLI_DEFAULT_COUNTRY.demoWords;
    const written = writeSyntheticNetwork(dir, { ...parsed.data, ...(words && { words }) });
    io.stderr.write(
      `${message(lang, 'cli.note.generated', { dir, municipalities: String(written.municipalities), counties: String(written.counties), actors: String(written.actors), links: String(written.links), seed: String(parsed.data.seed) })}\n`,
    );
    return 0;
  },
});
