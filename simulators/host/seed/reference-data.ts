/** Names, employers and branch offices the seeded participants are drawn from. */

export const GIVEN_NAMES_MALE = [
  'BUDI',
  'AGUS',
  'DEDI',
  'RUDI',
  'EKO',
  'HENDRA',
  'ARIF',
  'YUSUF',
  'FAJAR',
  'RIZKY',
  'BAMBANG',
  'JOKO',
  'IWAN',
  'ANDI',
  'DIMAS',
  'HADI',
  'TEGUH',
  'WAHYU',
  'IMAM',
  'ADITYA',
] as const;

export const GIVEN_NAMES_FEMALE = [
  'SITI',
  'DEWI',
  'RINA',
  'SRI',
  'NUR',
  'PUTRI',
  'AYU',
  'LESTARI',
  'INDAH',
  'FITRI',
  'WULAN',
  'RATNA',
  'YULIA',
  'ENDANG',
  'MEGA',
  'ANISA',
  'RAHMAWATI',
  'NOVITA',
  'DIAN',
  'TRI',
] as const;

/** Batak clan names and Chinese-Indonesian surnames: used by men and women alike. */
export const FAMILY_NAMES = [
  'SIREGAR',
  'NASUTION',
  'HARAHAP',
  'SIMANJUNTAK',
  'LUBIS',
  'MANURUNG',
  'TAMBUNAN',
  'PANJAITAN',
  'WIJAYA',
  'HALIM',
  'GUNAWAN',
  'TANOTO',
] as const;

/** Javanese/Sundanese second names that read as male or female. */
export const SECOND_NAMES_MALE = [
  'SANTOSO',
  'SETIAWAN',
  'SAPUTRA',
  'HIDAYAT',
  'KURNIAWAN',
  'PRATAMA',
  'NUGROHO',
  'SUTANTO',
  'WIBOWO',
  'PERMANA',
] as const;

export const SECOND_NAMES_FEMALE = [
  'RAHAYU',
  'LESTARI',
  'PURNAMASARI',
  'HANDAYANI',
  'SUSANTI',
  'WULANDARI',
  'ANGGRAINI',
  'KARTIKA',
  'MAHARANI',
  'SARI',
] as const;

/** Javanese-style single names: many Indonesians have only one name on their card. */
export const SINGLE_NAMES = [
  'SUPARMAN',
  'SUMARNI',
  'WAGIYEM',
  'SUKIRNO',
  'PONIRAH',
  'SLAMET',
] as const;

/** Long names with titles and several parts, to exercise wrapping and masking. */
export const LONG_NAMES = [
  'RADEN AYU SITI NURHALIZA KUSUMAWARDHANI',
  'I GUSTI NGURAH PUTU WIRAWAN ADNYANA',
  'MUHAMMAD RIZKY ANANDA PRATAMA SIREGAR',
  'NI LUH PUTU AYU KARTIKA DEWI',
  'ANDI MUHAMMAD FAHRUL RAHMAN MAPPANGARA',
  'SRI ENDANG WAHYUNINGSIH PUSPITASARI',
  'TENGKU AHMAD FAUZI SYAHPUTRA NASUTION',
  'CHRISTINA MARIA MAGDALENA SIMANJUNTAK',
] as const;

export const EMPLOYERS = [
  'PT Maju Bersama Sejahtera',
  'PT Sinar Mas Logistik Nusantara',
  'PT Garuda Tekstil Indonesia',
  'PT Bank Perkreditan Rakyat Artha Mulia',
  'PT Karya Anugerah Konstruksi',
  'PT Indofood Distribusi Jaya',
  'PT Nusantara Digital Solusi',
  'PT Sumber Alfaria Retail',
  'CV Sumber Rejeki Abadi',
  'CV Cahaya Mandiri Teknik',
  'CV Berkah Tani Makmur',
  'CV Mitra Karya Percetakan',
  'Yayasan Pendidikan Harapan Bangsa',
  'RS Mitra Sehat Medika',
] as const;

export const BRANCH_OFFICES = [
  'Kantor Cabang Jakarta Menara Jamsostek',
  'Kantor Cabang Jakarta Salemba',
  'Kantor Cabang Bandung Suci',
  'Kantor Cabang Surabaya Darmo',
  'Kantor Cabang Semarang Pemuda',
  'Kantor Cabang Medan Kota',
  'Kantor Cabang Makassar',
  'Kantor Cabang Denpasar',
  'Kantor Cabang Yogyakarta',
] as const;

/**
 * JHT development returns (hasil pengembangan) credited per year, all in 5-6.5%. 2020 is the
 * published 5.63%; the other years are plausible values (2016 was really 7.19%, kept in range).
 */
export const JHT_RETURN_RATES: Readonly<Record<number, number>> = {
  2004: 0.0625,
  2005: 0.06,
  2006: 0.0615,
  2007: 0.058,
  2008: 0.052,
  2009: 0.055,
  2010: 0.06,
  2011: 0.0625,
  2012: 0.061,
  2013: 0.0575,
  2014: 0.0605,
  2015: 0.0625,
  2016: 0.065,
  2017: 0.0626,
  2018: 0.0611,
  2019: 0.0608,
  2020: 0.0563,
  2021: 0.0511,
  2022: 0.0524,
  2023: 0.0553,
  2024: 0.0575,
  2025: 0.0582,
  2026: 0.06,
};

export function jhtReturnRate(year: number): number {
  return JHT_RETURN_RATES[year] ?? 0.055;
}
