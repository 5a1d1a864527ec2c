import type { CapabilityName } from '../../../core/common/api';
import { actionInWords } from './action-words';
import type { Messages } from './messages-id';

const CAPABILITY_WORDS: Record<CapabilityName, string> = {
  commandLanguage: 'Command language',
  printerModel: 'Printer model',
  columns: 'Columns',
  qrCode: 'Prints QR codes',
  cutter: 'Paper cutter',
  statusQuery: 'Status query',
  paperNearEndSensor: 'Paper-low sensor',
  mediaTakenSensor: 'Receipt-taken sensor',
  readTracks: 'Reads tracks',
  mode: 'Mode',
  mediaSensor: 'Card sensor',
  lrcCheck: 'LRC check',
  chip: 'Reads chips',
  holdsCard: 'Holds the card until the session ends',
  payloads: 'Code contents',
  aimIdentifiers: 'AIM identifiers',
  plainEntry: 'Plain number entry',
  pinEntry: 'Encrypted PIN entry',
  pinFormats: 'PIN block formats',
  dukpt: 'DUKPT schemes',
  model: 'Model',
};
const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

export const en: Messages = {
  brand: 'BPJS Ketenagakerjaan',
  languageName: 'English',
  switchLanguage: 'Bahasa Indonesia',
  switchLanguageLabel: 'Ganti ke Bahasa Indonesia',
  attractTitle: 'Check your JHT balance',
  attractSubtitle: 'See your old-age savings and program coverage in one minute.',
  attractStart: 'Start',
  attractHint: 'Have your KPJ number (11 digits) and date of birth ready.',
  keypadLegendTitle: 'With the keypad',
  keypadLegendStart: 'Start',
  keypadLegendVoice: 'Voice guidance on / off',
  keypadLegendRepeat: 'Repeat',
  keypadLegendLanguage: 'Switch language',
  enterKpjTitle: 'Enter your KPJ number',
  enterKpjHelp: 'The KPJ number has 11 digits and is printed on your membership card.',
  kpjFieldLabel: 'KPJ number',
  enterBirthDateTitle: 'Enter your date of birth (DD-MM-YYYY)',
  enterBirthDateHelp: 'Example: 07-03-1990 is typed 07031990.',
  birthDateFieldLabel: 'Date of birth',
  digitsOf: (length, max) => `${length} of ${max} digits`,
  keyBackspace: 'Delete 1',
  keyClear: 'Clear all',
  next: 'Continue',
  back: 'Back',
  cancel: 'Cancel',
  finish: 'Finish',
  tryAgain: 'Try again',
  loading: 'Please wait, your request is being processed',
  balanceTitle: 'JHT balance',
  balanceAsOf: (date) => `As of ${date}`,
  participant: 'Participant',
  kpjNumber: 'KPJ number',
  membershipStatus: 'Membership status',
  statusActive: 'Active',
  statusInactive: 'Inactive',
  inactiveNote:
    'Membership is inactive: contributions are no longer paid. Your balance is kept and still grows.',
  employer: 'Employer',
  branchOffice: 'Branch office',
  membershipStart: 'Member since',
  lastContribution: 'Last contribution',
  noContribution: 'None yet',
  openingBalance: 'Opening balance',
  employerContributions: 'Employer contributions',
  workerContributions: 'Worker contributions',
  developmentReturns: 'Development returns',
  closingBalance: 'Closing balance',
  jhtDetails: 'JHT balance details',
  otherPrograms: 'Other programs',
  programJP: 'Pension (JP)',
  programJKK: 'Work accident (JKK)',
  programJKM: 'Death benefit (JKM)',
  programJKP: 'Job-loss benefit (JKP)',
  covered: 'Covered',
  notCovered: 'Not covered',
  jpMonths: (months) => `${months} months of contributions`,
  errorTitle: 'Sorry, we cannot continue',
  errorInvalidKpj: 'A KPJ number has 11 digits. Please check your number.',
  errorInvalidBirthDate:
    'That date does not exist. Check the day and the month (February has at most 29 days).',
  errorNotFound: 'This KPJ number is not registered. Please check the number on your card.',
  errorVerificationFailed: (left) =>
    left === 1
      ? 'Wrong date of birth. 1 attempt left.'
      : `Wrong date of birth. ${left} attempts left.`,
  errorHostUnavailable: 'The service is not available right now. Please try again shortly.',
  errorOutOfService:
    'This kiosk has just gone out of service, so your visit ends here. Please use the JMO app or another kiosk, or call 175.',
  errorHostTimeout: 'The service did not answer in time. Please try again.',
  errorHostMalformed: 'The service had a problem. Please try again later.',
  errorSessionExpired: 'Your session has ended. Please start again.',
  errorHelp: 'Need help? Ask our staff or call the 175 call centre.',
  lockedTitle: 'Temporarily locked',
  lockedBody: (time, zone) =>
    `Too many wrong dates of birth. Please try again after ${time} ${zone}.`,
  screenOffBody: 'The kiosk rests outside opening hours. Touch the screen or press a key to start.',
  outOfServiceTitle: 'This kiosk is temporarily out of service',
  outOfServiceBody:
    'Sorry, this kiosk cannot serve you right now. Please use another kiosk or the JMO app, or ask the staff (call centre 175).',
  thankYouTitle: 'Thank you',
  thankYouBody: 'Your data has been cleared from this screen. More information: call centre 175.',
  idleTitle: 'Time is almost up',
  idleBody: (seconds) => `Your session ends in ${seconds} seconds.`,
  idleMore: 'More time',
  idleSpokenHint: 'Press Enter for more time.',
  terminal: (id) => `Terminal ${id}`,
  connecting: 'Connecting…',
  menuHistory: 'Contribution details',
  menuProjection: 'JHT projection',
  menuHint: 'Touch an option, or press its number on the keypad.',
  // History (issue 11, history slice): six months a page, paged by buttons or 4 / 6, retried by 1.
  historyTitle: 'Contribution details',
  historySubtitle: (newest, oldest, page, pages) =>
    `${newest} to ${oldest}, newest first · page ${page} of ${pages}`,
  historyLoading: 'Loading contribution details…',
  historyFailed: 'Contribution details cannot be loaded right now.',
  historyFailedHelp: 'Try again now, or go back to the balance.',
  historyEmpty: 'No contributions in the last 24 months.',
  historyGaps: (missing, months) =>
    `${missing} of ${months} months without contribution (marked in the table).`,
  historyNoGaps: (months) => `No month missed in ${months} months.`,
  colMonth: 'Month',
  colJht: 'JHT contribution',
  colJp: 'JP contribution',
  historyColumnsNote: 'Employer + worker contributions per month.',
  noContributionMark: 'no contribution',
  historyPrevious: 'Previous',
  historyNext: 'Next',
  historyPreviousWhat: 'newer months',
  historyNextWhat: 'older months',
  historyAtNewest: 'already the newest',
  historyAtOldest: 'nothing older',
  historyPagesLabel: 'Contribution detail pages',
  historySpokenRow: (month, jht, jp) => `${month}: JHT ${jht}, JP ${jp}.`,
  projectionTitle: 'JHT projection',
  projectionResult: (years, age) =>
    years > 0
      ? `Estimated JHT balance at age ${age} (in ${years} years)`
      : 'JHT retirement age reached: the balance today',
  projectionWage: 'Monthly wage',
  projectionYears: 'Period (years)',
  projectionYearsValue: (years) => `${years} years`,
  projectionCurrent: 'Current JHT balance',
  projectionReturn: 'Yearly development return',
  projectionContributions: 'Total contributions',
  projectionReturns: 'Total development returns',
  projectionRetirement: (age) => `Retirement age ${age}`,
  projectionChange: 'Change',
  projectionApply: 'Apply',
  projectionEditWage: (min, max) => `Type the monthly wage (${min} – ${max})`,
  projectionEditYears: (min, max) => `Type the period (${min}–${max} years, up to retirement age)`,
  projectionDisclaimer:
    'This is an estimate with the official formula and a 5% yearly return. Real results will differ.',
  chartBalanceByYear: 'JHT balance by year',
  yearN: (n) => `Year ${n}`,
  menuPrint: 'Print receipt',
  printUnavailable: 'A receipt cannot be printed right now',
  printerPaperOut: 'The receipt paper has run out.',
  printerCoverOpen: 'The printer cover is open.',
  printerOffline: 'The printer is not connected.',
  printerHardwareError: 'The printer has a fault.',
  printerBusy: 'The printer is busy.',
  printerPaperLow: 'Receipt paper is running low.',
  screenOnlyHint: 'You can still see your balance on this screen.',
  printingTitle: 'Printing your receipt…',
  printingBody: 'Please wait, your receipt is being printed.',
  takeReceiptTitle: 'Please take your receipt',
  receiptReference: (ref) => `Reference number: ${ref}`,
  printFailedTitle: 'The receipt could not be printed',
  printFailedNext: 'You can still see your balance on screen. Tell our staff if you need help.',
  viewOnScreen: 'View on screen',
  anotherTitle: 'Would you like another transaction?',
  yes: 'Yes',
  no: 'No',
  takeCard: 'Please take your card.',
  techPinTitle: 'Technician mode',
  techPinPrompt: 'Enter the technician PIN',
  techPinWrong: (left) => `Wrong PIN. ${left} attempts left.`,
  techLocked: (time, zone) => `Technician mode is locked until ${time} ${zone}.`,
  techChecking: 'Checking the PIN…',
  techTitle: 'Device diagnostics',
  techDevice: 'Device',
  techState: 'State',
  techDriver: 'Driver / port',
  techCounters: 'Counters',
  techLastError: 'Last error',
  techNoDevices: 'No devices are configured.',
  techTestHost: 'Test host connection',
  techReset: 'Reset',
  techRefresh: 'Refresh',
  techExit: 'Exit',
  techInfo: 'Kiosk info',
  techVersion: 'Version',
  techUptime: 'Uptime',
  techConfig: 'Config file',
  techHost: 'Host',
  techJournal: 'Journal',
  techFree: (gb) => `${gb} GB free`,
  techJournalUnwritable: (cause) => `cannot be written (${cause}): out of service`,
  techRunning: 'Running the test…',
  techChangePort: 'Change port',
  techPortTitle: (device) => `Port of ${device}`,
  techPortNow: (port) => `Now: ${port}`,
  techPortHint:
    'Choose the port the device is plugged into. It is tried there and kept only if it answers.',
  techPortCurrent: 'in use now',
  techPortInUse: (device) => `used by ${device}`,
  techPortNone: 'No ports were found.',
  techPortSave: 'Save to config',
  techPortClose: 'Close',
  techPortUnsaved: 'Not saved yet: closing moves the device back to its previous port.',
  techPortSaved: (path) => `Saved in ${path}.`,
  // slice tech (issue 11): times in the configured zone, capabilities in words
  techEvents: (zone) => `Device events (${zone})`,
  techCapability: (name) => CAPABILITY_WORDS[name as CapabilityName] ?? name,
  enterOtpTitle: 'Enter the OTP code',
  otpSentTo: (destination) => `An OTP code has been sent to ${destination}`,
  otpFieldLabel: 'OTP code (6 digits)',
  otpExpiresIn: (seconds) => `The code is valid for ${seconds} more seconds.`,
  otpResend: 'Send the code again',
  otpResendIn: (seconds) => `Send again in ${seconds} seconds`,
  errorOtpFailed: (left) =>
    left > 0 ? `Wrong OTP code. ${left} attempts left.` : 'The OTP code has 6 digits.',
  errorOtpExpired: 'The OTP code has expired. Touch "Send the code again".',
  errorOtpTooSoon: 'A new code can be sent when the countdown ends.',
  speechOn: 'Voice guidance',
  speechOnLabel: 'Turn voice guidance on',
  speechOff: 'Voice off',
  speechRepeat: 'Repeat',
  speechLouder: 'Louder',
  speechQuieter: 'Quieter',
  speechVolume: (percent) => `Volume ${percent}%`,
  speechKeypadHint:
    'Use the keypad: digits, Enter to continue, the left-arrow key to clear all digits, Cancel to stop, hash to repeat, star to switch language, plus and minus for the volume.',
  // Slice "away": the brain went away (renderer/src/components/ConnectionLost.svelte), and
  // the keypad's delete keys as screen readers name them (the symbol is not read).
  connectionLostTitle: 'Service briefly interrupted',
  connectionLostBody:
    'Your details have been cleared from the screen. Please wait, the kiosk is reconnecting.',
  keyBackspaceName: 'Delete 1 digit',
  keyClearName: 'Clear all digits',
  // forgive slice: specific entry errors, card and scan messages, identification hints.
  errorEntryIncomplete: (field, missing) =>
    field === 'kpj'
      ? `The KPJ number is not complete: ${missing} more ${missing === 1 ? 'digit' : 'digits'}.`
      : field === 'birthDate'
        ? `The date of birth is not complete: ${missing} more ${missing === 1 ? 'digit' : 'digits'} (day, month, year).`
        : field === 'otp'
          ? `The OTP code is not complete: ${missing} more ${missing === 1 ? 'digit' : 'digits'}.`
          : field === 'wage'
            ? 'Type the monthly wage first.'
            : 'Type the period in years first.',
  errorBirthDateInFuture: 'A date of birth cannot be after today. Check the year.',
  errorBirthDateAge: (min, max) =>
    `That date of birth gives an age outside ${min}–${max} years. Check the year.`,
  errorWageOutOfRange: (min, max) => `The monthly wage must be between ${min} and ${max}.`,
  errorYearsOutOfRange: (min, max) =>
    `The period is ${min} to ${max} years: the projection stops at the retirement age.`,
  errorCardNotKpj:
    'This is not a BPJS Ketenagakerjaan card. Use your KPJ membership card, the JMO digital card QR, or type your KPJ number.',
  errorCardUnreadable:
    'The card could not be read. Swipe it once more in one smooth movement, or type your KPJ number.',
  errorScanNotKpj:
    'This code is not a JMO digital card. Open the digital card in the JMO app and scan again, or type your KPJ number.',
  identityCardRead: (maskedKpj) => `Card read: ${maskedKpj}`,
  identityTyped: (maskedKpj) => `KPJ number: ${maskedKpj}`,
  cardReadSpoken: 'Card read.',
  identifyHintsTitle: 'Without typing',
  identifyHintCard: 'Swipe your KPJ membership card in the card reader',
  identifyHintScanner: 'Show the JMO digital card QR to the scanner',
  projectionNoContributions:
    'Inactive membership: the projection starts without new contributions (wage Rp 0). Change the wage if you work again.',

  // --- issue 11, layout slice: the balance screen's explanations and the birth-date boxes ---
  jhtExplainer:
    "JHT (old-age savings): your and your employer's contributions, with the returns they earned.",
  jhtPeriod: (year, fromMonth, toMonth) =>
    `Period: ${year}, ${MONTHS_EN[fromMonth - 1]}–${MONTHS_EN[toMonth - 1]}`,
  jpExplainer:
    'JP is paid monthly from pension age after 15 years of contributions; with fewer, it is paid at once.',
  birthDateDay: 'Day',
  birthDateMonth: 'Month',
  birthDateYear: 'Year',
  // --- end of the layout slice ---

  // --- issue 12, viewrules slice: the start screen's keypad legend as spoken, around the numbers
  // of the brain's menu (core/session/menus.ts) ---
  keypadSpokenStart: 'With the keypad: Enter to start',
  keypadSpokenRepeat: '# repeat',
  keypadSpokenLanguage: '* switch language',
  // --- end of the viewrules slice ---
  // --- issue 12, clock slice: the technician screen's remaining words, the configured zone ---
  techActions: 'Actions',
  techTerminal: 'Terminal ID',
  techUptimeMinutes: (minutes) => `${minutes} min`,
  techTimeZone: 'Time zone',
  techTimeZoneValue: (timeZone, label) => `${label} (${timeZone})`,
  techUnknown: 'unknown',
  techFreeUnknown: 'free space unknown',
  techDeviceState: (state) =>
    (
      ({
        online: 'Ready',
        offline: 'Disconnected',
        hardwareError: 'Hardware error',
        noDevice: 'Not detected',
        'noDevice (reconnecting)': 'Not detected, reconnecting…',
        busy: 'Busy',
        powerOff: 'Powered off',
        userError: 'Needs attention at the device',
        fraudAttempt: 'Fraud attempt detected',
        potentialFraud: 'Possible fraud',
        starting: 'Starting up…',
      }) as Record<string, string>
    )[state] ?? state,
  techCounter: (name) =>
    (
      ({
        linkLosses: 'Link losses',
        reconnects: 'Reconnects',
        paperLowEvents: 'Paper low',
        paperOutEvents: 'Paper out',
        cardsRead: 'Cards read',
        invalidMedia: 'Unreadable cards',
        scans: 'Scans',
        invalidScans: 'Invalid scans',
        keysPressed: 'Keys pressed',
        receiptsPrinted: 'Receipts printed',
        printFailures: 'Failed prints',
      }) as Record<string, string>
    )[name] ?? name,
  // --- end of the clock slice ---
  // --- issue 13, techscreen slice: one button per self-test the device's class offers ---
  techTest: (action) =>
    (
      ({
        printTestPage: 'Print test page',
        readCardTest: 'Card read test',
        keypadTest: 'Keypad test',
        pinEntryTest: 'PIN entry test',
        scanTest: 'Scan test',
      }) as Record<string, string>
    )[action] ?? actionInWords(action),
  // --- end of the techscreen slice ---
  // --- the ATM profile: bank card and card PIN ---
  attractAtmTitle: 'Insert your bank card',
  attractAtmHint: 'Then type your card PIN on the PIN pad to see your JHT balance.',
  enterPinTitle: 'Enter your card PIN',
  enterPinHelp:
    'Type your PIN on the PIN pad, then press Enter. Shield the PIN pad with your hand.',
  pinDigits: (count) => `${count} digits entered`,
  pinCancelHint: 'Press Cancel to stop and take your card.',
  cardLabel: (masked) => `Card ${masked}`,
  chooseAccountTitle: 'Choose a KPJ number',
  chooseAccountHelp: 'Several KPJ numbers are linked to your details. Press the number before one.',
  accountSpoken: (key, last4, employer) => `${key}: KPJ ending ${last4}, ${employer}`,
  mergeHint: 'Several KPJ? Merge them in the JMO app or at a branch office.',
  takeCardTitle: 'Please take your card',
  takeCardBody: 'Your balance is shown once you have taken the card.',
  cardRetainedTitle: 'Your card has been retained',
  cardRetainedNotTaken: 'The card was not taken in time. Please contact the bank that issued it.',
  cardRetainedByBank: "At the request of your card's bank. Contact your bank to get it back.",
  errorPinWrong: (attemptsLeft) => `Wrong PIN. Tries left: ${attemptsLeft}.`,
  errorCardBlocked: 'This card cannot be used: its bank has blocked it. Please contact your bank.',
  errorPinTriesExceeded: 'Too many wrong PINs.',
  errorNoKpjLinked:
    'No KPJ number is linked to your details yet. Register or link one in the JMO app or at a BPJS Ketenagakerjaan branch office.',
  errorPinPadUnavailable: 'The PIN pad cannot be used right now. Please try again later.',
  errorCardNotReturned:
    'The card could not be given back. Please contact the bank that issued it or call centre 175.',
  errorCardNotAccepted: 'This card cannot be used for BPJS Ketenagakerjaan services.',
  handBackBody:
    "Back to your bank's services. Your card stays in the machine for your next transaction.",
  // --- end of the ATM profile ---
};
