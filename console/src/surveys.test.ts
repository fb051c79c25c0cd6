import { describe, expect, it } from 'vitest';
import { controlsOf, embedSnippet, fromDefinition, newSurvey, toDefinition } from './surveys';
import { controlId, nearestControl, splitList } from './fields';

describe('the survey builder model', () => {
  it('toDefinition_shouldKeepOnlyTheSurveysLanguagesAndNoEmptyText_whenALanguageIsDropped', () => {
    // GIVEN a draft written in English and Persian, then Persian unticked
    const draft = newSurvey();
    draft.id = ' after-call ';
    draft.name = { en: 'After the call', fa: 'پس از تماس', ar: '  ' };
    draft.questions[0].text = { en: 'Would you recommend us?', fa: 'ما را توصیه می‌کنید؟' };
    draft.followUp = { detractor: { en: 'What went wrong?' }, promoter: { en: ' ' } };
    draft.languages = ['en'];
    // WHEN it becomes a definition
    const definition = toDefinition(draft) as any;
    // THEN no Persian text is left, blank ones are gone, and the ids are trimmed
    expect(definition.id).toBe('after-call');
    expect(definition.name).toEqual({ en: 'After the call' });
    expect(definition.questions[0]).toEqual({ id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } });
    expect(definition.followUp).toEqual({ detractor: { en: 'What went wrong?' } });
    expect(definition).not.toHaveProperty('touchpoint');
  });

  it('fromDefinition_shouldRoundTripWhatTheBuilderDoesNotEdit_andReadAOneLanguageName', () => {
    // GIVEN a definition with branding and display (not edited by the builder) and a plain-string name
    const definition = {
      id: 'checkout', version: 4, name: 'After checkout', kind: 'transactional', defaultLanguage: 'en', languages: ['en', 'fa'],
      questions: [{ id: 'plan', type: 'single', text: { en: 'Plan' }, options: [{ id: 'pro', text: { en: 'Pro' } }] }],
      hiddenFields: ['orderId'], allowedOrigins: ['https://shop.example.com'], thankYou: { en: 'Thanks!' },
      display: { delaySeconds: 5 }, branding: { color: '#b3261e' },
    };
    // WHEN it is edited and sent back
    const draft = fromDefinition(definition);
    const sent = toDefinition(draft) as any;
    // THEN the name is the default language's, and what the builder does not show is sent as it was
    expect(draft.name).toEqual({ en: 'After checkout' });
    expect(draft.version).toBe(4);
    expect(sent.display).toEqual({ delaySeconds: 5 });
    expect(sent.branding).toEqual({ color: '#b3261e' });
    expect(sent.questions[0].options).toEqual([{ id: 'pro', text: { en: 'Pro' } }]);
    expect(sent.hiddenFields).toEqual(['orderId']);
  });

  it('nearestControl_shouldPutTheApisProblemNextToTheFieldItNames', () => {
    const controls = ['id', 'questions-1-text', 'questions-1-options', 'followUp', 'allowedOrigins'];
    expect(controlId('questions[1].options')).toBe('questions-1-options');
    expect(nearestControl('questions[1].text.fa', controls)).toBe('questions-1-text');
    expect(nearestControl('followUp.angry', controls)).toBe('followUp');
    expect(nearestControl('allowedOrigins[0]', controls)).toBe('allowedOrigins');
    expect(nearestControl('display.delaySeconds', controls)).toBeNull();
    // AND the builder's own controls catch what the validator names
    const draft = newSurvey();
    draft.questions[1] = { id: 'plan', type: 'single', required: false, text: {}, options: [{ id: 'a', text: {} }] };
    expect(nearestControl('questions[1].options[0].text.en', controlsOf(draft))).toBe('questions-1-options-0-text');
    expect(nearestControl('followUp.promoter.fa', controlsOf(draft))).toBe('followUp-promoter');
  });

  it('embedSnippetAndLists_shouldBeWhatTheReadmeShows', () => {
    expect(embedSnippet('https://x.example', 'checkout'))
      .toBe('<script src="https://x.example/embed.js" data-survey="checkout" async></script>');
    expect(splitList('http://127.0.0.1:*,\n https://shop.example.com \n\n')).toEqual(['http://127.0.0.1:*', 'https://shop.example.com']);
  });
});
