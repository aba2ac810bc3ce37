// `npm run train`: the command line's train command, run from the sources.
import { processIo } from '../../src/cli/io.ts';
import { trainCommand } from '../../src/cli/train-command.ts';

process.exitCode = trainCommand(process.argv.slice(2), processIo);
