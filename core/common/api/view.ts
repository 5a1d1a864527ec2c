import { z } from 'zod';
import { ServiceStatus } from '../service-status';
import { BrandingView } from './branding';
import { Intent, Language, TechnicianAction } from './intents';

export const Screen = z.enum([
  'attract',
  'enterKpj',
  'enterBirthDate',
  'enterOtp',
  'loading',
  'balance',
  'history',
  'projection',
  'printing',
  'takeReceipt',
  'printFailed',
  'anotherTransaction',
  'error',
  'locked',
  'thankYou',
  'technicianPin',
  'technician',
  /** The host, the journal or a required device is gone: nobody is served until it is back. */
  'outOfService',
  /** Outside opening hours (maintenance.displayOff): the screen is dark until touched. */
  'screenOff',
  // The ATM profile (docs/atm-profile.md): bank card and card PIN, verified by the bank.
  /** The card PIN on the encrypting pin pad: the screen shows only how many digits. */
  'enterPin',
  /** Several KPJ are linked to the card's owner: pick one. */
  'chooseAccount',
  /** The card is given back before the balance (card first, as ATMs do). */
  'takeCard',
  /** The card was kept by the ATM: not taken in time, or on the bank's answer. */
  'cardRetained',
]);
export type Screen = z.infer<typeof Screen>;

export const ErrorCode = z.enum([
  'invalidKpj',
  'invalidBirthDate',
  'otpFailed',
  'otpExpired',
  'otpTooSoon',
  'notFound',
  'verificationFailed',
  'hostUnavailable',
  'hostTimeout',
  'hostMalformed',
  'sessionExpired',
  // forgive slice: what a person mistyped or presented, said before a host attempt is spent.
  /** Lanjut / Enter before the field is complete: `missingDigits` says how many are missing. */
  'entryIncomplete',
  'birthDateInFuture',
  /** An age outside `bounds` (years). */
  'birthDateAgeOutOfRange',
  /** A projection wage or period outside `bounds` (rupiah, years). */
  'wageOutOfRange',
  'yearsOutOfRange',
  /** A card or scan that does not carry a KPJ (a bank card, a QR code of something else). */
  'cardNotKpj',
  'cardUnreadable',
  'scanNotKpj',
  // The ATM profile: what the bank answered about the card.
  /** Wrong card PIN: `attemptsLeft` says how many tries remain. */
  'pinWrong',
  'cardBlocked',
  'pinTriesExceeded',
  /** The PIN is right, but no KPJ is linked to the card owner's NIK: where to register. */
  'noKpjLinked',
  /** The pin pad could not take the PIN (offline, a fault): nothing was sent to the bank. */
  'pinPadUnavailable',
  /** The card reader could not give the card back (jammed): the bank or the call centre helps. */
  'cardNotReturned',
  /** The bank does not know the card. */
  'cardNotAccepted',
  /** The kiosk went out of service during the visit (the host or a required device is gone). */
  'outOfService',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const EntryView = z.object({
  field: z.enum(['kpj', 'birthDate', 'otp', 'wage', 'years']),
  /** What the entry field shows: the digits typed, formatted (birth date as DD-MM-YYYY with placeholders). */
  display: z.string(),
  length: z.number().int().nonnegative(),
  maxLength: z.number().int().positive(),
  complete: z.boolean(),
});
export type EntryView = z.infer<typeof EntryView>;

const Rupiah = z.number().int().nonnegative();

export const ProgramView = z.object({
  program: z.enum(['JHT', 'JP', 'JKK', 'JKM', 'JKP']),
  covered: z.boolean(),
  balance: Rupiah.optional(),
  contributionMonths: z.number().int().nonnegative().optional(),
});

export const BalanceView = z.object({
  /** Masked to the last 4 digits: `*******2128`. */
  maskedKpj: z.string(),
  /** Partly masked: `BUDI S******`. */
  maskedName: z.string(),
  membershipStatus: z.enum(['active', 'inactive']),
  employer: z.string(),
  branchOffice: z.string(),
  membershipStart: z.string(),
  lastContributionMonth: z.string().nullable(),
  asOf: z.string(),
  /**
   * The months the JHT breakdown covers (`YYYY-MM` to `YYYY-MM`): the statement's year, from
   * January or the month membership started, to the month of `asOf`. Not lifetime totals.
   */
  jhtPeriod: z.object({ from: z.string(), to: z.string() }),
  jht: z.object({
    openingBalance: Rupiah,
    employerContributions: Rupiah,
    workerContributions: Rupiah,
    developmentReturns: Rupiah,
    closingBalance: Rupiah,
  }),
  programs: z.array(ProgramView),
});
export type BalanceView = z.infer<typeof BalanceView>;

export const HistoryView = z.object({
  /**
   * The page shown, newest first: every month of it, a month without a contribution too
   * (`paid: false`, amounts 0). JHT and JP are each employer + worker.
   */
  rows: z.array(
    z.object({
      month: z.string(),
      paid: z.boolean(),
      jht: Rupiah,
      jp: Rupiah,
    }),
  ),
  /** Which page this is (from 1, newest months first) of how many; the brain pages. */
  page: z.object({ number: z.number().int().positive(), count: z.number().int().nonnegative() }),
  /** The page's newest and oldest month (`YYYY-MM`), null while nothing is shown. */
  newestMonth: z.string().nullable(),
  oldestMonth: z.string().nullable(),
  /** How many months the history covers, all pages together (at most 24). */
  spanMonths: z.number().int().nonnegative(),
  /** Months of all pages with no contribution, newest first (`YYYY-MM`). */
  missingMonths: z.array(z.string()),
  loading: z.boolean(),
  failed: z.boolean(),
});
export type HistoryView = z.infer<typeof HistoryView>;

const Bounds = z.object({ min: z.number().int(), max: z.number().int() });

export const ProjectionView = z.object({
  monthlyWage: Rupiah,
  /** 0 for a participant already at the retirement age: nothing left to project. */
  years: z.number().int().nonnegative(),
  /** The age the participant reaches when the projection ends (never past `retirementAge`). */
  ageAtEnd: z.number().int(),
  /** An inactive member's projection starts without contributions (wage 0) until one is typed. */
  contributionsStopped: z.boolean(),
  /** What the wage (rupiah) and the period (years) may be set to. */
  limits: z.object({ wage: Bounds, years: Bounds }),
  currentBalance: Rupiah,
  yearlyReturn: z.number(),
  retirementAge: z.number().int(),
  finalBalance: Rupiah,
  totalContributions: Rupiah,
  totalReturns: z.number().int(),
  series: z.array(z.object({ year: z.number().int(), balance: Rupiah })),
  editing: z.enum(['wage', 'years']).nullable(),
});
export type ProjectionView = z.infer<typeof ProjectionView>;

export const PrinterProblem = z.enum(['paperOut', 'coverOpen', 'offline', 'hardwareError', 'busy']);
export type PrinterProblem = z.infer<typeof PrinterProblem>;

/** Capability names the drivers report; the technician screen has a word for each (others show as they are). */
export const CAPABILITY_NAMES = [
  'commandLanguage',
  'printerModel',
  'columns',
  'qrCode',
  'cutter',
  'statusQuery',
  'paperNearEndSensor',
  'mediaTakenSensor',
  'readTracks',
  'mode',
  'mediaSensor',
  'lrcCheck',
  'chip',
  'holdsCard',
  'payloads',
  'aimIdentifiers',
  'plainEntry',
  'pinEntry',
  'pinFormats',
  'dukpt',
  'model',
] as const;
export type CapabilityName = (typeof CAPABILITY_NAMES)[number];

/** A capability that is on (`qrCode`), or one with a value (`columns` 42). */
export const TechnicianCapability = z.object({ name: z.string(), value: z.string().optional() });
export type TechnicianCapability = z.infer<typeof TechnicianCapability>;

export const TechnicianDevice = z.object({
  name: z.string(),
  deviceClass: z.string(),
  state: z.string(),
  driver: z.string(),
  transport: z.string(),
  detail: z.string().optional(),
  capabilities: z.array(TechnicianCapability),
  /** Whether port setup can move it (a network device's address is set in the config file). */
  portChangeable: z.boolean(),
  /** The tests the technician screen offers for it (its device class's). */
  tests: z.array(TechnicianAction),
  firmware: z.string().optional(),
  lastError: z.object({ description: z.string(), at: z.string() }).optional(),
  counters: z.record(z.string(), z.number()),
});
export type TechnicianDevice = z.infer<typeof TechnicianDevice>;

/** Whether the journal can be written (else the kiosk is out of service) and what it refused. */
export const JournalHealthInfo = z.object({
  writable: z.boolean(),
  /** ISO instant since when records cannot be written, and why (an error code: `ENOSPC`). */
  unwritableSince: z.string().nullable(),
  cause: z.string().nullable(),
  /** Records the journal's privacy check refused since start (a bug: each is an alarm). */
  refusedRecords: z.number().int().nonnegative(),
  lastRefused: z
    .object({ recordType: z.string(), fields: z.array(z.string()), at: z.string() })
    .nullable(),
});
export type JournalHealthInfo = z.infer<typeof JournalHealthInfo>;

export const TechnicianInfo = z.object({
  version: z.string(),
  terminalId: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  configPath: z.string(),
  hostUrl: z.string(),
  journalDir: z.string(),
  journalFreeBytes: z.number().nullable(),
  /** Absent when the kiosk keeps no journal. */
  journal: JournalHealthInfo.optional(),
  /** Whether the kiosk serves, and if not why (core/session/service-monitor.ts). */
  service: ServiceStatus.optional(),
});
export type TechnicianInfo = z.infer<typeof TechnicianInfo>;

export const PortSetupView = z.object({
  device: z.string(),
  /** Where the device is connected now (`serial /dev/ttyUSB0`). */
  current: z.string(),
  candidates: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      current: z.boolean(),
      inUseBy: z.string().nullable(),
    }),
  ),
  /** Why the list may be incomplete (no permission, library missing). */
  errors: z.array(z.string()),
  /** Moved to a port that answered and not saved yet: closing moves it back. */
  unsaved: z.boolean(),
  canSave: z.boolean(),
  /** The config file the last save went to. */
  savedTo: z.string().nullable(),
});
export type PortSetupView = z.infer<typeof PortSetupView>;

/** A device's state or detail changed (newest first on the technician screen). */
export const TechnicianEvent = z.object({ at: z.string(), device: z.string(), text: z.string() });
export type TechnicianEvent = z.infer<typeof TechnicianEvent>;

export const TechnicianView = z.object({
  pinLength: z.number().int().nonnegative(),
  pinError: z.object({ attemptsLeft: z.number().int().nonnegative() }).nullable(),
  lockedUntil: z.string().nullable(),
  busy: z.boolean(),
  devices: z.array(TechnicianDevice),
  info: TechnicianInfo.nullable(),
  lastResult: z.object({ action: z.string(), ok: z.boolean(), detail: z.string() }).nullable(),
  portSetup: PortSetupView.nullable(),
  events: z.array(TechnicianEvent),
  /** The configured zone the screen shows every time in (`Asia/Jakarta`) and its label (`WIB`). */
  timeZone: z.string(),
  timeZoneLabel: z.string(),
});
export type TechnicianView = z.infer<typeof TechnicianView>;

export const DeviceReadiness = z.object({
  printer: z.enum(['ready', 'paperLow', 'unavailable', 'absent']),
  /** Why the printer is unavailable, so the UI can say it in the person's language. */
  printerProblem: PrinterProblem.optional(),
});
export type DeviceReadiness = z.infer<typeof DeviceReadiness>;

/**
 * Whether a receipt can be printed now, and why not: the brain decides (core/session/menus.ts);
 * screens and voice guidance only say it. `reason` is `absent` when this kiosk has no printer,
 * else the printer's problem; null when it can print.
 */
export const PrintUnavailableReason = z.enum(['absent', ...PrinterProblem.options]);
export type PrintUnavailableReason = z.infer<typeof PrintUnavailableReason>;

export const PrintAvailability = z.object({
  canPrint: z.boolean(),
  reason: PrintUnavailableReason.nullable(),
  /**
   * What the person is told about the printer: `unavailable` (it cannot print now: say `reason`),
   * `paperLow` (it prints, the paper runs low), or nothing (ready, or no printer at all).
   */
  notice: z.enum(['unavailable', 'paperLow']).nullable(),
});
export type PrintAvailability = z.infer<typeof PrintAvailability>;

/** The numbered menus of the participant flow (their one definition: core/session/menus.ts). */
export const MenuName = z.enum([
  'attract',
  'balance',
  'anotherTransaction',
  'projection',
  'history',
  'historyFailed',
]);
export type MenuName = z.infer<typeof MenuName>;

/** What a menu item is called: the renderer has the words for each, in each language. */
export const MenuLabel = z.enum([
  'languageId',
  'languageEn',
  'voiceOnOff',
  'history',
  'projection',
  'print',
  'yes',
  'no',
  'changeWage',
  'changeYears',
  'historyPrevious',
  'historyNext',
  'historyRetry',
]);
export type MenuLabel = z.infer<typeof MenuLabel>;

/** Why an item cannot be chosen now: the printer's state, or a history page at either end. */
export const MenuReason = z.enum([...PrintUnavailableReason.options, 'newestPage', 'oldestPage']);
export type MenuReason = z.infer<typeof MenuReason>;

export const MenuItemView = z.object({
  /** The keypad digit that chooses it (the pin pad sends it; the screen shows it). */
  key: z.string().regex(/^\d$/),
  /** What a tap on it sends: the same intent the brain raises for its key. */
  intent: Intent,
  label: MenuLabel,
  /**
   * False: its key does nothing now, and `reason` says why. How a screen draws such an item (a
   * disabled button, only its reason, or nothing) is the screen's look, not a rule.
   */
  enabled: z.boolean(),
  reason: MenuReason.optional(),
});
export type MenuItemView = z.infer<typeof MenuItemView>;

export const MenuView = z.object({
  name: MenuName,
  /** In the order shown; an item that does not apply here (no page to turn to) is left out. */
  items: z.array(MenuItemView),
});
export type MenuView = z.infer<typeof MenuView>;
/** The configured zone every time on screen is shown in (`Asia/Makassar`) and its label (`WITA`). */
export const ClockView = z.object({ timeZone: z.string(), label: z.string() });
export type ClockView = z.infer<typeof ClockView>;

/** A full snapshot of what the UI shows; the brain sends a new one on every change. */
/** The pin pad key an ATM's FDK stands for (`atm.fdks`). */
export const FdkKey = z.enum([
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  'enter',
  'cancel',
  'clear',
]);
export type FdkKey = z.infer<typeof FdkKey>;

export const SessionView = z.object({
  /** Increases with every snapshot: lets a transport drop stale ones. */
  seq: z.number().int().nonnegative(),
  screen: Screen,
  language: Language,
  entry: EntryView.nullable(),
  error: z
    .object({
      code: ErrorCode,
      attemptsLeft: z.number().int().nonnegative().optional(),
      missingDigits: z.number().int().positive().optional(),
      bounds: Bounds.optional(),
      /**
       * On the error screen: whether the person may try again (else only finish). Absent on
       * errors shown inside a step.
       */
      retry: z.boolean().optional(),
    })
    .nullable(),
  /**
   * Who is being served, masked (`*******2128`) and how they identified: from the KPJ's lookup
   * until the balance (loading, birth date, OTP, error); null elsewhere.
   */
  identity: z
    .object({
      maskedKpj: z.string(),
      method: z.enum(['keypad', 'card', 'scanner', 'bankCard']),
    })
    .nullable(),
  /** The ATM profile's card, from its insertion to its return: the masked number only. */
  bankCard: z.object({ maskedPan: z.string().regex(/^\*+\d{4}$/) }).nullable(),
  /** While the card PIN is typed on the pin pad: how many digits, never which. */
  pin: z
    .object({
      digits: z.number().int().min(0).max(12),
      /** Sound a tone for each digit typed (`atm.keyTones`). */
      keyTones: z.boolean(),
    })
    .nullable(),
  /** The KPJ linked to the card's owner, masked, to pick one (digit = index + 1). */
  accounts: z
    .array(
      z.object({
        maskedKpj: z.string().regex(/^\*{7}\d{4}$/),
        employer: z.string(),
        membershipStatus: z.enum(['active', 'inactive']),
      }),
    )
    .max(9)
    .nullable(),
  locked: z.object({ retryAt: z.string() }).nullable(),
  /** While a one-time code is awaited: where it went (masked) and the countdowns. */
  otp: z
    .object({
      maskedDestination: z.string(),
      resendInSeconds: z.number().int().nonnegative(),
      expiresInSeconds: z.number().int().nonnegative(),
    })
    .nullable(),
  /** The reference printed on the last receipt of this session (not personal data). */
  receiptReference: z.string().nullable(),
  /** Set when the print failed: why. */
  printProblem: PrinterProblem.nullable(),
  busy: z.boolean(),
  /** On the closing screen: the person identified with a card, remind them to take it. */
  takeCard: z.boolean(),
  /**
   * Hand-off (the ATM profile embedded in the ATM's own application): the visit is over and the
   * ATM's application takes the terminal back, with the card still in the reader.
   */
  handBack: z.boolean(),
  balance: BalanceView.nullable(),
  history: HistoryView.nullable(),
  projection: ProjectionView.nullable(),
  /**
   * What the step is, for device adapters and shells (from the session machine's state tags):
   * the pin pad's keys drive it, a card or scan identifies the person here, nobody is served.
   */
  step: z.object({ takesKeys: z.boolean(), identifying: z.boolean(), resting: z.boolean() }),
  idle: z.object({
    /** Seconds until the session times out, or null when no timer runs (attract). */
    secondsLeft: z.number().int().nonnegative().nullable(),
    warning: z.boolean(),
  }),
  devices: DeviceReadiness,
  /** Voice guidance: on or off, and a counter that goes up each time the prompt is to be said again. */
  voice: z.object({ on: z.boolean(), repeat: z.number().int().nonnegative() }),
  terminalId: z.string(),
  /**
   * The ATM's function display keys (FDKs) and the pin pad key each stands for: the screen labels
   * each beside its key with what that key does on the current step. Empty: no FDKs.
   */
  fdks: z
    .array(
      z.object({
        fdk: z.number().int().min(1).max(8),
        side: z.enum(['left', 'right']),
        row: z.number().int().min(1).max(4),
        key: FdkKey,
      }),
    )
    .max(8),
  /** The configured identification devices: the start screen shows where to swipe or scan. */
  identifyBy: z.object({
    card: z.boolean(),
    scanner: z.boolean(),
    /** The ATM profile: a bank card and its PIN start the visit. */
    bankCard: z.boolean(),
  }),
  clock: ClockView,
  /** The partner bank's theme (colours, logo, name, languages, start screen text). */
  branding: BrandingView,
  technician: TechnicianView.nullable(),
  /** The numbered menu on this screen (its keys, intents, labels, what is enabled); null if none. */
  menu: MenuView.nullable(),
  /** Whether a receipt can be printed, why not, and what to tell the person (the balance says it). */
  print: PrintAvailability,
});
export type SessionView = z.infer<typeof SessionView>;
