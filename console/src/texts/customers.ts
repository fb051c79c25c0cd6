import { area } from './area';

// The customers and announcements pages' texts.
export const customers = area({
  en: {
    'nav.customers': 'Customers',
    'nav.announcements': 'Announcements',
  },
  fa: {
    'nav.customers': 'مشتریان',
    'nav.announcements': 'اطلاعیه‌ها',
  },
  ar: {
    'nav.customers': 'العملاء',
    'nav.announcements': 'الإعلانات',
  },
});
