import { area } from './area';

// The settings pages' texts: people and roles, API keys, teams, the audit log.
export const settings = area({
  en: {
    'nav.settings': 'Settings',
  },
  fa: {
    'nav.settings': 'تنظیمات',
  },
  ar: {
    'nav.settings': 'الإعدادات',
  },
});
