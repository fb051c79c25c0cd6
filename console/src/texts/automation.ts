import { area } from './area';

// The automation pages' texts: routing rules, alert rules, touchpoint triggers, the contact policy, parked work.
export const automation = area({
  en: {
    'nav.automation': 'Automation',
  },
  fa: {
    'nav.automation': 'خودکارسازی',
  },
  ar: {
    'nav.automation': 'الأتمتة',
  },
});
