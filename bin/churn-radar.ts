// The command line's entry: `npx tsx bin/churn-radar.ts …` from the sources; `npm run build:cli` bundles it into dist-cli/.
import { run } from '../src/cli/main.ts';

// `churn-radar score … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
