export { composeBalanceReceipt, type BalanceReceiptInput } from './compose-balance-receipt';
export { composeTestPage, type TestPageInfo } from './compose-test-page';
export { newReceiptReference } from './receipt-reference';
export { RECEIPT_TEXTS, type ReceiptLanguage, type ReceiptTexts } from './receipt-texts';
