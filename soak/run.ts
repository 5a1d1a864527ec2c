/** `npm run soak -- --sessions 1000 --seed 7`: see docs/soak.md. Exits 1 when a must-be-0 figure is not 0. */
import { runSoak } from './run-soak';
import { formatSoakReport, soakFailed } from './soak-report';
import { soakOptionsFromArgv } from './soak-options';

const options = soakOptionsFromArgv(process.argv.slice(2));
const report = await runSoak(options, (line) => console.log(line));
for (const line of formatSoakReport(report)) console.log(line);
process.exit(soakFailed(report) ? 1 : 0);
