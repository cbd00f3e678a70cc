/**
 * Numbers, sizes, durations, dates and plural forms in a page's language, all through `Intl` with
 * the page's locale (HTML_LANG): "12,345" / "12,345", "Dec 7, 2026" / "2026年12月7日". The message
 * catalogues (messages-en.ts, messages-zh.ts) build their words on these, so a number in a
 * Chinese sentence is formatted as a Chinese page formats it. Formatters are made once per locale.
 */
import { HTML_LANG, type BookLang } from '../../content/book-lang';

/** The forms a word takes by count; `other` is required (Chinese uses only it). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Units a size or a duration is written with, per language ("KB" / "KB", "ms" / "毫秒"). */
export interface UnitWords {
  ms: string;
  s: string;
  min: string;
  /** Between the number and a unit: a space in both languages ("12 ms", "12 毫秒"). */
  sep: string;
}

export interface Formats {
  readonly locale: string;
  /** An integer or a decimal as the locale writes it, with grouping ("12,345"). */
  number(n: number, fractionDigits?: number): string;
  /** `forms[category]` for `n` by the locale's plural rules (English: one / other). */
  plural(n: number, forms: PluralForms): string;
  /** Bytes as B, KB, MB or GB (binary multiples, as the page always measured them). */
  bytes(n: number): string;
  /** Milliseconds as "340 ms", "2.5 s", "3 min 12 s" (Chinese units in Chinese). */
  duration(ms: number): string;
  /** A calendar date ("Dec 7, 2026"). */
  date(d: Date): string;
  /** A date and time of day ("Dec 7, 2026, 4:05 PM"). */
  dateTime(d: Date): string;
  /** How long ago `d` was, from `now` ("3 days ago", "3天前"). */
  ago(d: Date, now?: Date): string;
}

const cache = new Map<BookLang, Formats>();

export function formatsFor(lang: BookLang, units: UnitWords): Formats {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = HTML_LANG[lang];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number) => {
    let f = numberFormats.get(digits);
    if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  const plainFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const rules = new Intl.PluralRules(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = (n: number, fractionDigits?: number) => (fractionDigits === undefined ? plainFormat.format(n) : nf(fractionDigits).format(n));
  const withUnit = (n: string, unit: string) => `${n}${units.sep}${unit}`;
  const f: Formats = {
    locale,
    number,
    plural: (n, forms) => forms[rules.select(n)] ?? forms.other,
    bytes(n) {
      if (n < 1024) return withUnit(number(n, 0), 'B');
      if (n < 1024 ** 2) return withUnit(number(n / 1024, 0), 'KB');
      if (n < 1024 ** 3) return withUnit(number(n / 1024 ** 2, 1), 'MB');
      return withUnit(number(n / 1024 ** 3, 2), 'GB');
    },
    duration(ms) {
      if (ms < 1000) return withUnit(number(Math.round(ms), 0), units.ms);
      if (ms < 60_000) return withUnit(number(ms / 1000, ms < 10_000 ? 1 : 0), units.s);
      const m = Math.floor(ms / 60_000);
      return `${withUnit(number(m, 0), units.min)} ${withUnit(number(Math.round((ms % 60_000) / 1000), 0), units.s)}`;
    },
    date: (d) => dateFormat.format(d),
    dateTime: (d) => dateTimeFormat.format(d),
    ago(d, now = new Date()) {
      const s = (d.getTime() - now.getTime()) / 1000;
      const a = Math.abs(s);
      if (a < 60) return relative.format(Math.round(s), 'second');
      if (a < 3600) return relative.format(Math.round(s / 60), 'minute');
      if (a < 86_400) return relative.format(Math.round(s / 3600), 'hour');
      return relative.format(Math.round(s / 86_400), 'day');
    },
  };
  cache.set(lang, f);
  return f;
}
