/**
 * `npm run hash-pin`: reads a technician PIN from standard input (so it stays out of shell
 * history) and prints the scrypt hash to put in the config file's technician.pinHash.
 */
import { createInterface } from 'node:readline/promises';
import { hashTechnicianPin } from '../core/technician/pin-hash';

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
process.stderr.write('Technician PIN (4-8 digits): ');
const pin = ((await rl[Symbol.asyncIterator]().next()).value ?? '').trim();
rl.close();
if (!/^\d{4,8}$/.test(pin)) {
  process.stderr.write('\nThe PIN must be 4 to 8 digits.\n');
  process.exit(2);
}
process.stdout.write(`${await hashTechnicianPin(pin)}\n`);
