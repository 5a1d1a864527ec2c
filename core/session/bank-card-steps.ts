import { fromCallback, fromPromise } from 'xstate';
import type { CardPin } from './bank-card-port';
import type { LinkedAccount } from '../host/host-api';
import { balanceOfLinkedAccount } from '../host/balance-of-kpj';
import type { SessionMachineDeps } from './session-context';
import type { SessionEvent } from './session-events';

interface WithDeps {
  deps: SessionMachineDeps;
}

const cardsOf = (deps: SessionMachineDeps) => {
  if (!deps.bankCards) throw new Error('the ATM profile runs without a bank card reader');
  return deps.bankCards;
};

/** The ATM profile's device and bank calls; each is stopped when its step is left. */
export const bankCardSteps = {
  /** Encrypting PIN entry: digit counts while typed, then the PIN block or why there is none. */
  cardPin: fromCallback<SessionEvent, WithDeps>(({ input, sendBack }) => {
    const stop = new AbortController();
    void cardsOf(input.deps)
      .enterPin((count) => sendBack({ type: 'pinDigits', count }), stop.signal)
      .then(
        (end) => {
          if (stop.signal.aborted) return;
          sendBack(
            end.ok
              ? { type: 'pinEntered', pin: end.pin }
              : { type: 'pinEnded', reason: end.reason },
          );
        },
        () => {
          if (!stop.signal.aborted) sendBack({ type: 'pinEnded', reason: 'unavailable' });
        },
      );
    return () => stop.abort();
  }),
  verifyBankCard: fromPromise(
    ({ input, signal }: { input: WithDeps & { pin: CardPin }; signal: AbortSignal }) =>
      input.deps.host.verifyBankCard(input.pin, signal),
  ),
  /** The picked account's balance; a summary for another KPJ is a malformed reply, never shown. */
  accountBalance: fromPromise(
    ({ input, signal }: { input: WithDeps & { account: LinkedAccount }; signal: AbortSignal }) =>
      balanceOfLinkedAccount(input.deps.host, input.account, signal),
  ),
  returnCard: fromPromise(({ input }: { input: WithDeps }) => cardsOf(input.deps).returnCard()),
  retainCard: fromPromise(({ input }: { input: WithDeps }) => cardsOf(input.deps).retainCard()),
};
