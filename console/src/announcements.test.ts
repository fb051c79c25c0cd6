import { describe, expect, it } from 'vitest';
import { announcementBody, audienceBody, languagesOf, previewOf, sameAudience, type AnnouncementForm } from './announcements';

const FORM: AnnouncementForm = { surveyId: 'demo-nps', theme: ' delivery ', feedbackType: '', fromDay: '2026-11-01',
  toDay: '2026-11-30', messages: { en: ' Same-day delivery is here. ', fa: 'ارسال همان‌روز راه افتاد.', ar: '' } };

describe('announcing', () => {
  it('audienceBody_shouldCountTheLastDayWhole_andLeaveOutWhatIsNotChosen', () => {
    expect(audienceBody(FORM)).toEqual({ surveyId: 'demo-nps', theme: 'delivery', from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z' });
    expect(audienceBody({ ...FORM, theme: '', feedbackType: 'bug', fromDay: '', toDay: '' }))
      .toEqual({ surveyId: 'demo-nps', feedbackType: 'bug' });
  });

  it('announcementBody_shouldSendEnglishAsTheMessage_andTheOthersPerLanguage', () => {
    expect(announcementBody(FORM)).toEqual({ ...audienceBody(FORM), message: 'Same-day delivery is here.',
      messages: { fa: 'ارسال همان‌روز راه افتاد.' } });
  });

  it('announcementBody_shouldFallBackOnTheFirstWritten_whenThereIsNoEnglish', () => {
    const persianOnly = { ...FORM, messages: { en: '', fa: 'سلام', ar: '' } };
    expect(announcementBody(persianOnly)).toMatchObject({ message: 'سلام', messages: { fa: 'سلام' } });
    expect(announcementBody({ ...FORM, messages: { en: '', fa: '', ar: '' } }).message).toBe('');
  });

  it('previewOf_shouldShowTheFallback_whenALanguageHasNoWordsOfItsOwn', () => {
    expect(previewOf(FORM, 'fa')).toEqual({ text: 'ارسال همان‌روز راه افتاد.', own: true });
    expect(previewOf(FORM, 'ar')).toEqual({ text: 'Same-day delivery is here.', own: false });
    expect(previewOf(FORM, 'de')).toEqual({ text: 'Same-day delivery is here.', own: false });
  });

  it('languagesOf_shouldListMostCustomersFirst', () => {
    expect(languagesOf({ matchedResponses: 5, customers: 4, toNotify: 4, byLanguage: { ar: 1, en: 2, fa: 1 },
      withoutEmail: 1, suppressed: 0, alreadyNotified: 0 })).toEqual([['en', 2], ['ar', 1], ['fa', 1]]);
  });

  it('sameAudience_shouldAskForACountAgain_whenWhomItGoesToChanged', () => {
    const shown = audienceBody(FORM);
    expect(sameAudience(shown, { ...FORM, messages: { en: 'Other words', fa: '', ar: '' } })).toBe(true);
    expect(sameAudience(shown, { ...FORM, toDay: '2026-11-29' })).toBe(false);
    expect(sameAudience(null, FORM)).toBe(false);
  });
});
