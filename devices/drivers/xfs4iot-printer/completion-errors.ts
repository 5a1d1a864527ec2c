import type { CompletionCode } from '../../common/device';

type FailureCode = Exclude<CompletionCode, 'success'>;

/**
 * Printer.PrintRaw `errorCode` (Completions/PrintRaw_g.cs) in the kiosk's words. Paper out is
 * `deviceNotReady`, as the ESC/POS driver reports it: the roll must be replaced first.
 */
export const PRINT_RAW_ERRORS: Readonly<Record<string, FailureCode>> = {
  shutterFail: 'hardwareError',
  mediaJammed: 'mediaJammed',
  paperJammed: 'mediaJammed',
  paperOut: 'deviceNotReady',
  tonerOut: 'deviceNotReady',
  mediaRetained: 'hardwareError',
  blackMark: 'hardwareError',
  mediaRetracted: 'hardwareError',
};

/** Printer.ControlMedia `errorCode` (Completions/ControlMedia_g.cs). */
export const CONTROL_MEDIA_ERRORS: Readonly<Record<string, FailureCode>> = {
  ...PRINT_RAW_ERRORS,
  noMediaPresent: 'noMedia',
  flushFail: 'hardwareError',
  retractBinFull: 'deviceNotReady',
  stackerFull: 'deviceNotReady',
  pageTurnFail: 'hardwareError',
  mediaTurnFail: 'hardwareError',
  inkOut: 'deviceNotReady',
  sequenceInvalid: 'invalidData',
};

/** Printer.LoadDefinition `errorCode` (Completions/LoadDefinition_g.cs). */
export const LOAD_DEFINITION_ERRORS: Readonly<Record<string, FailureCode>> = {
  formInvalid: 'invalidData',
  mediaInvalid: 'invalidData',
  definitionExists: 'invalidData',
};

/** Printer.PrintForm `errorCode` (Completions/PrintForm_g.cs). */
export const PRINT_FORM_ERRORS: Readonly<Record<string, FailureCode>> = {
  ...CONTROL_MEDIA_ERRORS,
  formNotFound: 'invalidData',
  mediaOverflow: 'invalidData',
  fieldSpecFailure: 'invalidData',
  fieldError: 'invalidData',
  mediaNotFound: 'invalidData',
  mediaSkewed: 'hardwareError',
  charSetData: 'invalidData',
  sourceInvalid: 'invalidData',
  mediaSize: 'invalidData',
  mediaRejected: 'hardwareError',
  msfError: 'hardwareError',
  noMSF: 'hardwareError',
};
