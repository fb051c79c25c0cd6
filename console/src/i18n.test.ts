import { describe, expect, it } from 'vitest';
import { chosenLanguage, isRightToLeft, remember, texts } from './i18n';

describe('the console in three languages', () => {
  it('texts_shouldWritePersianDatesInTheSolarHijriCalendarWithPersianDigits', () => {
    // GIVEN Nowruz 1405 (2026-03-21, noon in Tehran)
    const written = texts('fa').date('2026-03-21T08:30:00Z');
    // THEN the year is 1405 in Persian digits, and no Latin digit is left
    expect(written).toContain('۱۴۰۵');
    expect(written).not.toMatch(/[0-9]/);
  });

  it('texts_shouldWriteArabicNumbersInArabicIndicDigits_andEnglishInLatin', () => {
    expect(texts('ar').number(1234)).toBe('١٬٢٣٤');
    expect(texts('en').number(1234)).toBe('1,234');
    expect(texts('fa').t('case.title', { id: 'c-7' })).toBe('پرونده‌ی c-7');
  });

  it('chosenLanguage_shouldRememberTheChoice_elseFollowTheBrowser_elseEnglish', () => {
    localStorage.clear();
    expect(chosenLanguage(localStorage, ['fa-IR', 'en'])).toBe('fa');
    expect(chosenLanguage(localStorage, ['de-DE'])).toBe('en');
    remember(localStorage, 'ar');
    expect(chosenLanguage(localStorage, ['fa-IR'])).toBe('ar');
    expect(isRightToLeft('ar') && isRightToLeft('fa') && !isRightToLeft('en')).toBe(true);
  });
});
