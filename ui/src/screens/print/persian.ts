// Documents are legal papers, always in Persian whatever the window's language:
// the formatters they write their figures and dates with.
import { formatNumber, localeDigits } from "../../lib/format";
import { formatJalali } from "../../lib/jalali";
import { formatRials } from "../../lib/money";

/** Text with its digits in Persian. */
export const digits = (text: string) => localeDigits(text, "fa");

/** A number grouped with «٬», in Persian digits. */
export const number = (value: number | string) => formatNumber(value, "fa");

/** An amount of rials, grouped, without the unit. */
export const rials = (value: string) => formatRials(value, "fa");

/** A Jalali date, «۱۴۰۴/۰۱/۱۳» or (long) «۱۳ فروردین ۱۴۰۴». */
export const date = (iso: string, long = false) => formatJalali(iso, { long, locale: "fa" });
