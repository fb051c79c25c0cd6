import { area } from './area';

// The reports pages' texts: the effectiveness report, a team's weekly digest.
export const reports = area({
  en: {
    'nav.reports': 'Reports',
  },
  fa: {
    'nav.reports': 'گزارش‌ها',
  },
  ar: {
    'nav.reports': 'التقارير',
  },
});
