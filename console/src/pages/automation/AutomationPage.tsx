import type { SignInSettings } from '../../auth';
import type { Key, Texts } from '../../i18n';
import { ALERT_CONTROLS, AlertRuleForm } from './AlertRuleForm';
import { ContactPolicy } from './ContactPolicy';
import { ParkedWork } from './ParkedWork';
import { RoutingForm, ROUTING_CONTROLS } from './RoutingForm';
import { RuleSet } from './RuleSet';
import { TriggerForm, TRIGGER_CONTROLS } from './TriggerForm';

const SECTIONS = ['alert-rules', 'routing', 'triggers', 'contact-policy', 'parked'] as const;
type Section = (typeof SECTIONS)[number];

/** `/console/automation/<section>`: the section of the path, alert rules when none. */
export function sectionOf(path: string): Section {
  const named = path.replace(/^\/console\/automation\/?/, '').split('/')[0];
  return (SECTIONS as readonly string[]).includes(named) ? named as Section : 'alert-rules';
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? ''));

/**
 * What runs by itself: alert rules, routing, touchpoint rules and the contact policy (data the API keeps, edited by a
 * form for the common case and as JSON for the rest), and the work the loops parked.
 */
export function AutomationPage({ settings, t, path }: { settings: SignInSettings; t: Texts; path: string }) {
  const section = sectionOf(path);
  return (
    <>
      <h1 id="title">{t.t('automation.title')}</h1>
      <nav class="tabs" aria-label={t.t('automation.title')}>
        {SECTIONS.map((name) => (
          <a href={'/console/automation/' + name} aria-current={name === section ? 'page' : undefined}>
            {t.t(('automation.' + name) as Key)}</a>
        ))}
      </nav>
      {section === 'alert-rules' ? (
        <RuleSet settings={settings} t={t} path="/api/alert-rules" list="rules" prefix="alerts" controls={ALERT_CONTROLS}
          describe={(rule) => [rule.name, rule.team, text(rule.pattern)].filter((part) => part).map(text).join(' · ')}
          form={(hooks) => <AlertRuleForm settings={settings} t={t} hooks={hooks} />} />
      ) : null}
      {section === 'routing' ? (
        <RuleSet settings={settings} t={t} path="/api/routing" list="rules" prefix="routing" controls={ROUTING_CONTROLS}
          describe={(rule) => [rule.toAccountOwner ? t.t('routing.account-owner') : rule.team, text(rule.pattern)]
            .filter((part) => part).map(text).join(' · ')}
          form={(hooks) => <RoutingForm t={t} hooks={hooks} />} />
      ) : null}
      {section === 'triggers' ? (
        <RuleSet settings={settings} t={t} path="/api/triggers" list="triggers" prefix="triggers"
          controls={TRIGGER_CONTROLS}
          describe={(rule) => [rule.surveyId, rule.channel, rule.delay, text(rule.pattern)].map(text).join(' · ')}
          form={(hooks) => <TriggerForm settings={settings} t={t} hooks={hooks} />} />
      ) : null}
      {section === 'contact-policy' ? <ContactPolicy settings={settings} t={t} /> : null}
      {section === 'parked' ? <ParkedWork settings={settings} t={t} /> : null}
    </>
  );
}
