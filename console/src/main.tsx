import { render } from 'preact';
import { App } from './App';
import { chosenLanguage } from './i18n';
import './styles.css';

/** The sign-in settings ConsolePages.java writes into the page's head. */
function setting(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

const settings = { signInUrl: setting('halqe-sign-in'), clientId: setting('halqe-client') };
const root = document.getElementById('app');
if (root) {
  render(<App settings={settings} path={location.pathname}
    initialLanguage={chosenLanguage(localStorage, navigator.languages)} />, root);
}
