// Digit forms. Users type Persian (۰–۹), Arabic-Indic (٠–٩) or Latin digits;
// the backend stores ASCII; the UI displays the locale's digits.

/** The UI's display languages. */
export type Locale = "fa" | "en";

const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_INDIC_ZERO = 0x0660; // ٠
const ASCII_ZERO = 0x30;

/** Replace Latin and Arabic-Indic digits with Persian digits; other text is kept. */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const value = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - ASCII_ZERO;
    return String.fromCharCode(PERSIAN_ZERO + value);
  });
}

/** Replace Persian and Arabic-Indic digits with ASCII digits; other text is kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(ASCII_ZERO + code - zero);
  });
}

/** Digits of the display locale: Persian digits in Persian, ASCII in English. */
export function localeDigits(text: string, locale: Locale = "fa"): string {
  return locale === "fa" ? toPersianDigits(text) : toAsciiDigits(text);
}
