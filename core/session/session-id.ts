import { randomUUID } from 'node:crypto';
import { personalDataProblem } from '../journal/journal-entry';

/**
 * A random session ID that the journal's privacy check accepts. About 0.8% of random UUIDs hold
 * 11 or more digits in a row, which the check takes for a KPJ or card number; such a draw is
 * thrown away (the IDs stay uniformly random UUIDs among those the journal can carry).
 */
export function newSessionId(draw: () => string = randomUUID): string {
  for (;;) {
    const id = draw();
    if (!personalDataProblem(id)) return id;
  }
}
