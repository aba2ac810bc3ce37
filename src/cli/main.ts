import { processIo, type Io } from './io.ts';
import { modelsCommand } from './models-command.ts';
import { scoreCommand, SCORE_USAGE } from './score-command.ts';
import { sqlCommand, SQL_USAGE } from './sql-command.ts';
import { trainCommand } from './train-command.ts';

const USAGE = [
  'usage: churn-radar <command> …',
  `  ${SCORE_USAGE.replace('usage: ', '')}`,
  '  churn-radar train --data FILE --target COLUMN [--positive VALUE] [--id COLUMN] [--config FILE] [--name "…"] [--out DIR]',
  '  churn-radar models [DIR]',
  `  ${SQL_USAGE.replace('usage: ', '')}`,
].join('\n');

/** Runs one command line; returns the exit code (0 done, 1 the input could not be used, 2 bad usage). */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'score':
      return scoreCommand(args, io);
    case 'train':
      return trainCommand(args, io);
    case 'models':
      return modelsCommand(args, io);
    case 'sql':
      return sqlCommand(args, io);
    case undefined:
    case '--help':
    case 'help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.error(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}
