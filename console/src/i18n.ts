// The console's own language: English, Persian or Arabic, chosen once and remembered; RTL for fa and ar. Dates and
// numbers are written by the browser's Intl: the Solar Hijri calendar and Persian digits for fa, Arabic-Indic digits
// for ar.

import { ar } from './texts/ar';
import { automation } from './texts/automation';
import { customers } from './texts/customers';
import { en } from './texts/en';
import { fa } from './texts/fa';
import { reports } from './texts/reports';
import { settings } from './texts/settings';
import { surveys } from './texts/surveys';

export type Key = keyof typeof en | keyof typeof surveys.en | keyof typeof customers.en | keyof typeof settings.en
  | keyof typeof automation.en | keyof typeof reports.en;
export type Language = 'en' | 'fa' | 'ar';
export const LANGUAGES: Language[] = ['en', 'fa', 'ar'];
/** Each language by its own name, as people look for it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fa: 'فارسی', ar: 'العربية' };
const CHOSEN = 'halqe.language';

const AREAS = [surveys, customers, settings, automation, reports];
const TEXTS: Record<Language, Record<Key, string>> = {
  en: Object.assign({}, en, ...AREAS.map((texts) => texts.en)),
  fa: Object.assign({}, fa, ...AREAS.map((texts) => texts.fa)),
  ar: Object.assign({}, ar, ...AREAS.map((texts) => texts.ar)),
};
const LOCALES: Record<Language, string> = { en: 'en', fa: 'fa-IR-u-ca-persian-nu-arabext', ar: 'ar-u-nu-arab' };

export function isRightToLeft(language: Language): boolean {
  return language !== 'en';
}

/** The language chosen before, else the browser's if it is one of ours, else English. */
export function chosenLanguage(storage: Storage, browser: readonly string[]): Language {
  const chosen = storage.getItem(CHOSEN);
  if (LANGUAGES.includes(chosen as Language)) {
    return chosen as Language;
  }
  const match = browser.map((tag) => tag.slice(0, 2).toLowerCase()).find((tag) => LANGUAGES.includes(tag as Language));
  return (match as Language | undefined) ?? 'en';
}

export function remember(storage: Storage, language: Language): void {
  storage.setItem(CHOSEN, language);
}

export interface Texts {
  language: Language;
  t(key: Key, values?: Record<string, string | number>): string;
  date(iso: string): string;
  day(isoDate: string): string;
  number(value: number): string;
  relative(iso: string, now: number): string;
}

export function texts(language: Language): Texts {
  const locale = LOCALES[language];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    language,
    t: (key, values = {}) => TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
      name in values ? (typeof values[name] === 'number' ? numbers.format(values[name] as number)
        : String(values[name])) : '{' + name + '}'),
    date: (iso) => dates.format(new Date(iso)),
    day: (isoDate) => days.format(new Date(isoDate + 'T00:00:00Z')),
    number: (value) => numbers.format(value),
    relative: (iso, now) => {
      const minutes = Math.round((new Date(iso).getTime() - now) / 60000);
      if (Math.abs(minutes) < 90) {
        return relative.format(minutes, 'minute');
      }
      const hours = Math.round(minutes / 60);
      return Math.abs(hours) < 48 ? relative.format(hours, 'hour') : relative.format(Math.round(hours / 24), 'day');
    },
  };
}
