import { area } from './area';

// The surveys pages' texts: the list, the builder, its preview and the embed snippet.
export const surveys = area({
  en: {
    'nav.surveys': 'Surveys',
  },
  fa: {
    'nav.surveys': 'نظرسنجی‌ها',
  },
  ar: {
    'nav.surveys': 'الاستبيانات',
  },
});
