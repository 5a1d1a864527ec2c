import { z } from 'zod';

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export const TechnicianAction = z.enum([
  'refresh',
  'testHost',
  'printTestPage',
  'readCardTest',
  'keypadTest',
  /** Encrypting PIN entry: only the digit count and the PIN block format are shown. */
  'pinEntryTest',
  'scanTest',
  'resetDevice',
  /** Port setup: list the ports for `device`, move it to `port`, save it, close (undo unsaved). */
  'configurePort',
  'choosePort',
  'savePort',
  'closePortSetup',
  'exit',
]);
export type TechnicianAction = z.infer<typeof TechnicianAction>;

/** What the UI may ask of the brain. The brain decides whether the current step allows it. */
export const Intent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('chooseLanguage'), language: Language }),
  z.object({ type: z.literal('digit'), digit: z.string().regex(/^\d$/) }),
  z.object({ type: z.literal('backspace') }),
  z.object({ type: z.literal('clear') }),
  z.object({ type: z.literal('enter') }),
  z.object({ type: z.literal('submitKpj'), kpj: z.string().max(32) }),
  z.object({ type: z.literal('submitBirthDate'), birthDate: z.string().max(16) }),
  z.object({ type: z.literal('resendOtp') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('extendTime') }),
  /**
   * Voice guidance (the UI speaks; the brain keeps whether it is on, so the pin pad can turn it
   * on and the session's end turns it off for the next person).
   */
  z.object({ type: z.literal('voice'), command: z.enum(['on', 'off', 'repeat']) }),
  /** Any touch or key: keeps the idle timer from running out while a person is active. */
  z.object({ type: z.literal('activity') }),
  z.object({ type: z.literal('showHistory') }),
  /** History paging: `next` goes to older months (the pin pad's 6), `previous` to newer ones (4). */
  z.object({ type: z.literal('historyPage'), direction: z.enum(['previous', 'next']) }),
  /** Asks the host again for a history that failed to load (the pin pad's 1). */
  z.object({ type: z.literal('retryHistory') }),
  z.object({ type: z.literal('showProjection') }),
  z.object({ type: z.literal('editProjection'), field: z.enum(['wage', 'years']) }),
  z.object({ type: z.literal('printReceipt') }),
  /** Answers a yes / no question (another transaction?). */
  z.object({ type: z.literal('answer'), yes: z.boolean() }),
  z.object({ type: z.literal('finish') }),
  /** The ATM profile: the linked KPJ picked on the chooseAccount screen, from 0. */
  z.object({ type: z.literal('chooseAccount'), index: z.number().int().min(0).max(8) }),
  /** A tap in a screen corner: the hidden way into technician mode (the order lives in the brain). */
  z.object({ type: z.literal('cornerTap'), corner: z.enum(['tl', 'tr', 'bl', 'br']) }),
  z.object({
    type: z.literal('technicianAction'),
    action: TechnicianAction,
    device: z.string().max(40).optional(),
    /** A port id from the port setup's list (`serial:/dev/ttyUSB1`). */
    port: z.string().max(300).optional(),
  }),
]);
export type Intent = z.infer<typeof Intent>;
export type IntentType = Intent['type'];
