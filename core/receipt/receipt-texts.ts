export type ReceiptLanguage = 'id' | 'en';

export interface ReceiptTexts {
  title: string;
  terminal: string;
  dateTime: string;
  reference: string;
  kpj: string;
  name: string;
  membershipStatus: string;
  active: string;
  inactive: string;
  balanceAsOf: string;
  openingBalance: string;
  employerContributions: string;
  workerContributions: string;
  developmentReturns: string;
  closingBalance: string;
  qrCaption: string;
  disclaimer: string;
  callCentre: string;
  thanks: string;
}

export const RECEIPT_TEXTS: Record<ReceiptLanguage, ReceiptTexts> = {
  id: {
    title: 'Informasi Saldo JHT',
    terminal: 'Terminal',
    dateTime: 'Tanggal/Waktu',
    reference: 'No. Referensi',
    kpj: 'No. KPJ',
    name: 'Nama',
    membershipStatus: 'Status Kepesertaan',
    active: 'Aktif',
    inactive: 'Nonaktif',
    balanceAsOf: 'Saldo per',
    openingBalance: 'Saldo Awal',
    employerContributions: 'Iuran Pemberi Kerja',
    workerContributions: 'Iuran Tenaga Kerja',
    developmentReturns: 'Hasil Pengembangan',
    closingBalance: 'Saldo Akhir',
    qrCaption: 'Kode referensi transaksi',
    disclaimer: 'Informasi ini bukan bukti pencairan.',
    callCentre: 'Call centre 175',
    thanks: 'Terima kasih',
  },
  en: {
    title: 'JHT Balance Information',
    terminal: 'Terminal',
    dateTime: 'Date/Time',
    reference: 'Reference No.',
    kpj: 'KPJ No.',
    name: 'Name',
    membershipStatus: 'Membership Status',
    active: 'Active',
    inactive: 'Inactive',
    balanceAsOf: 'Balance as of',
    openingBalance: 'Opening Balance',
    employerContributions: 'Employer Contributions',
    workerContributions: 'Worker Contributions',
    developmentReturns: 'Development Returns',
    closingBalance: 'Closing Balance',
    qrCaption: 'Transaction reference code',
    disclaimer: 'This is not a proof of withdrawal.',
    callCentre: 'Call centre 175',
    thanks: 'Thank you',
  },
};

export const ORGANISATION = 'BPJS Ketenagakerjaan';
