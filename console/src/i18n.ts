// The console's own language: English, Persian or Arabic, chosen once and remembered; RTL for fa and ar. Dates and
// numbers are written by the browser's Intl: the Solar Hijri calendar and Persian digits for fa, Arabic-Indic digits
// for ar.

export type Language = 'en' | 'fa' | 'ar';
export const LANGUAGES: Language[] = ['en', 'fa', 'ar'];
const CHOSEN = 'halqe.language';

const en = {
  'app.name': 'Halqe',
  'language': 'Language',
  'signing-in': 'Signing you in…',
  'sign-in.failed': 'Sign-in did not succeed: {reason}',
  'sign-in.expired': 'This sign-in has expired or was already used.',
  'start-again': 'Start again',
  'cases.title': 'Open cases',
  'cases.none': 'No open cases.',
  'cases.team': 'Team',
  'cases.cannot-list': 'You are signed in. Open a case from the link in its email.',
  'case.title': 'Case {id}',
  'case.missing': 'There is no case {id}, or it belongs to a team you are not in.',
  'case.forbidden': 'Your role does not let you open cases.',
  'case.unreadable': 'The case could not be read ({status}).',
  'case.back': 'Your open cases',
  'case.notes': 'Notes',
  'case.no-notes': 'No notes yet.',
  'field.status': 'Status',
  'field.team': 'Team',
  'field.owner': 'Owner',
  'field.reason': 'Reason',
  'field.score': 'Score',
  'field.comment': 'Comment',
  'field.language': 'Language',
  'field.survey': 'Survey',
  'field.answer': 'Answer',
  'field.opened': 'Opened',
  'field.due': 'Due',
  'field.escalated': 'Escalated',
  'field.resolution': 'Resolution',
  'field.closed': 'Closed',
  'status.open': 'open',
  'status.acknowledged': 'acknowledged',
  'status.in_progress': 'in progress',
  'status.resolved': 'resolved',
  'status.closed': 'closed',
  'due.in': 'due {when}',
  'due.overdue': 'overdue, was due {when}',
  'field.tags': 'Tags',
  'field.root-cause': 'Root cause',
  'field.actions-taken': 'Actions taken',
  'actions.title': 'Work the case',
  'actions.to.acknowledged': 'Acknowledge',
  'actions.to.in_progress': 'Start working',
  'actions.to.resolved': 'Mark resolved',
  'actions.owner': 'Owner (email)',
  'actions.assign': 'Assign',
  'actions.tags': 'Tags (comma-separated)',
  'actions.root-cause': 'Root cause',
  'actions.actions-taken': 'Actions taken',
  'actions.compensation': 'Compensation',
  'actions.compensation.none': 'None',
  'actions.compensation.discount_code': 'Discount code',
  'actions.compensation.credit': 'Credit',
  'actions.compensation.value': 'Code or amount',
  'actions.save-work': 'Save',
  'actions.note': 'Note',
  'actions.add-note': 'Add note',
  'close.title': 'Close the loop',
  'close.resolution': 'Resolution (for the team)',
  'close.notify': 'Tell the customer what was done',
  'close.message': 'Message to the customer, in their language',
  'close.preview': 'Preview the email',
  'close.to': 'To {to}.',
  'close.would-not-send': 'It will not be sent: {reason}.',
  'close.submit': 'Close the case',
  'close.notified': 'Closed. The customer was told.',
  'close.not-notified': 'Closed. The customer was not told: {reason}.',
  'failed': 'Something went wrong: {reason}',
};

export type Key = keyof typeof en;

const fa: Record<Key, string> = {
  'app.name': 'حلقه',
  'language': 'زبان',
  'signing-in': 'در حال ورود…',
  'sign-in.failed': 'ورود انجام نشد: {reason}',
  'sign-in.expired': 'این ورود منقضی شده یا قبلاً استفاده شده است.',
  'start-again': 'از نو',
  'cases.title': 'پرونده‌های باز',
  'cases.none': 'پرونده‌ی بازی نیست.',
  'cases.team': 'تیم',
  'cases.cannot-list': 'وارد شده‌اید. پرونده را از پیوند ایمیلش باز کنید.',
  'case.title': 'پرونده‌ی {id}',
  'case.missing': 'پرونده‌ی {id} وجود ندارد یا متعلق به تیمی است که عضوش نیستید.',
  'case.forbidden': 'نقش شما اجازه‌ی باز کردن پرونده‌ها را نمی‌دهد.',
  'case.unreadable': 'پرونده خوانده نشد ({status}).',
  'case.back': 'پرونده‌های باز شما',
  'case.notes': 'یادداشت‌ها',
  'case.no-notes': 'هنوز یادداشتی نیست.',
  'field.status': 'وضعیت',
  'field.team': 'تیم',
  'field.owner': 'مسئول',
  'field.reason': 'دلیل',
  'field.score': 'امتیاز',
  'field.comment': 'نظر',
  'field.language': 'زبان',
  'field.survey': 'نظرسنجی',
  'field.answer': 'پاسخ',
  'field.opened': 'باز شده',
  'field.due': 'مهلت',
  'field.escalated': 'ارجاع به بالا',
  'field.resolution': 'راه‌حل',
  'field.closed': 'بسته شده',
  'status.open': 'باز',
  'status.acknowledged': 'دیده شده',
  'status.in_progress': 'در دست اقدام',
  'status.resolved': 'حل شده',
  'status.closed': 'بسته',
  'due.in': 'مهلت {when}',
  'due.overdue': 'عقب‌افتاده، مهلت {when} بود',
  'field.tags': 'برچسب‌ها',
  'field.root-cause': 'علت اصلی',
  'field.actions-taken': 'اقدام‌های انجام‌شده',
  'actions.title': 'رسیدگی به پرونده',
  'actions.to.acknowledged': 'دیدم',
  'actions.to.in_progress': 'شروع رسیدگی',
  'actions.to.resolved': 'حل شد',
  'actions.owner': 'مسئول (ایمیل)',
  'actions.assign': 'واگذاری',
  'actions.tags': 'برچسب‌ها (با ویرگول جدا کنید)',
  'actions.root-cause': 'علت اصلی',
  'actions.actions-taken': 'اقدام‌های انجام‌شده',
  'actions.compensation': 'جبران',
  'actions.compensation.none': 'هیچ',
  'actions.compensation.discount_code': 'کد تخفیف',
  'actions.compensation.credit': 'اعتبار',
  'actions.compensation.value': 'کد یا مبلغ',
  'actions.save-work': 'ذخیره',
  'actions.note': 'یادداشت',
  'actions.add-note': 'افزودن یادداشت',
  'close.title': 'بستن حلقه',
  'close.resolution': 'راه‌حل (برای تیم)',
  'close.notify': 'به مشتری بگویید چه کردیم',
  'close.message': 'پیام به مشتری، به زبان خودش',
  'close.preview': 'پیش‌نمایش ایمیل',
  'close.to': 'به {to}.',
  'close.would-not-send': 'فرستاده نمی‌شود: {reason}.',
  'close.submit': 'بستن پرونده',
  'close.notified': 'بسته شد. به مشتری خبر دادیم.',
  'close.not-notified': 'بسته شد. به مشتری خبر داده نشد: {reason}.',
  'failed': 'مشکلی پیش آمد: {reason}',
};

const ar: Record<Key, string> = {
  'app.name': 'حلقة',
  'language': 'اللغة',
  'signing-in': 'جارٍ تسجيل الدخول…',
  'sign-in.failed': 'لم ينجح تسجيل الدخول: {reason}',
  'sign-in.expired': 'انتهت صلاحية تسجيل الدخول هذا أو استُخدم من قبل.',
  'start-again': 'ابدأ من جديد',
  'cases.title': 'الحالات المفتوحة',
  'cases.none': 'لا توجد حالات مفتوحة.',
  'cases.team': 'الفريق',
  'cases.cannot-list': 'لقد سجّلت الدخول. افتح الحالة من الرابط في بريدها.',
  'case.title': 'الحالة {id}',
  'case.missing': 'لا توجد حالة {id}، أو أنها تخص فريقًا لست عضوًا فيه.',
  'case.forbidden': 'دورك لا يسمح بفتح الحالات.',
  'case.unreadable': 'تعذّرت قراءة الحالة ({status}).',
  'case.back': 'حالاتك المفتوحة',
  'case.notes': 'الملاحظات',
  'case.no-notes': 'لا ملاحظات بعد.',
  'field.status': 'الحالة',
  'field.team': 'الفريق',
  'field.owner': 'المسؤول',
  'field.reason': 'السبب',
  'field.score': 'الدرجة',
  'field.comment': 'التعليق',
  'field.language': 'اللغة',
  'field.survey': 'الاستبيان',
  'field.answer': 'الإجابة',
  'field.opened': 'فُتحت',
  'field.due': 'الموعد',
  'field.escalated': 'صُعّدت',
  'field.resolution': 'الحل',
  'field.closed': 'أُغلقت',
  'status.open': 'مفتوحة',
  'status.acknowledged': 'تم الاطلاع',
  'status.in_progress': 'قيد المعالجة',
  'status.resolved': 'تم الحل',
  'status.closed': 'مغلقة',
  'due.in': 'الموعد {when}',
  'due.overdue': 'متأخرة، كان موعدها {when}',
  'field.tags': 'الوسوم',
  'field.root-cause': 'السبب الجذري',
  'field.actions-taken': 'الإجراءات المتخذة',
  'actions.title': 'معالجة الحالة',
  'actions.to.acknowledged': 'تم الاطلاع',
  'actions.to.in_progress': 'بدء المعالجة',
  'actions.to.resolved': 'تم الحل',
  'actions.owner': 'المسؤول (البريد)',
  'actions.assign': 'إسناد',
  'actions.tags': 'الوسوم (مفصولة بفواصل)',
  'actions.root-cause': 'السبب الجذري',
  'actions.actions-taken': 'الإجراءات المتخذة',
  'actions.compensation': 'التعويض',
  'actions.compensation.none': 'لا شيء',
  'actions.compensation.discount_code': 'رمز خصم',
  'actions.compensation.credit': 'رصيد',
  'actions.compensation.value': 'الرمز أو المبلغ',
  'actions.save-work': 'حفظ',
  'actions.note': 'ملاحظة',
  'actions.add-note': 'إضافة ملاحظة',
  'close.title': 'إغلاق الحلقة',
  'close.resolution': 'الحل (للفريق)',
  'close.notify': 'أخبر العميل بما تم',
  'close.message': 'رسالة إلى العميل بلغته',
  'close.preview': 'معاينة البريد',
  'close.to': 'إلى {to}.',
  'close.would-not-send': 'لن تُرسل: {reason}.',
  'close.submit': 'إغلاق الحالة',
  'close.notified': 'أُغلقت. تم إخبار العميل.',
  'close.not-notified': 'أُغلقت. لم يُخبر العميل: {reason}.',
  'failed': 'حدث خطأ: {reason}',
};

const TEXTS: Record<Language, Record<Key, string>> = { en, fa, ar };
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
  number(value: number): string;
  relative(iso: string, now: number): string;
}

export function texts(language: Language): Texts {
  const locale = LOCALES[language];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    language,
    t: (key, values = {}) => TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
      name in values ? (typeof values[name] === 'number' ? numbers.format(values[name] as number)
        : String(values[name])) : '{' + name + '}'),
    date: (iso) => dates.format(new Date(iso)),
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
