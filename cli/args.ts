// The --options of the npm run commands, parsed by Node's own util.parseArgs. Each command lists
// the options it knows, so a typo (`--payment 5`) is refused with its name instead of ignored.
import { parseArgs } from 'node:util';

type Spec = Record<string, 'string' | 'boolean'>;
type Values<S extends Spec> = { [K in keyof S]?: S[K] extends 'string' ? string : boolean };

export function cliArgs<S extends Spec>(spec: S, args = process.argv.slice(2)): Values<S> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values<S>;
  } catch (err) {
    const known = Object.keys(spec).map((name) => `--${name}`).join(', ') || 'none';
    console.error(`${(err as Error).message}\nOptions: ${known}`);
    process.exit(2);
  }
}
