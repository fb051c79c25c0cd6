// The console's first pages (ConsolePages.java): sign in with the authorization code flow and PKCE at the user
// pool's managed login, keep the access token for this tab only, and show what /console/api/… answers. Everything
// shown is set as text, never as markup.
(() => {
  'use strict';
  const page = document.body.dataset;
  const out = document.getElementById('out');
  const redirectUri = location.origin + '/console/callback';
  const TOKEN = 'halqe.token';

  const base64url = (bytes) => btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const randomText = (size) => base64url(crypto.getRandomValues(new Uint8Array(size)));
  const s256 = async (text) =>
    base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));

  function element(tag, text, attributes) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
    return made;
  }

  function show(...children) {
    out.replaceChildren(...children);
  }

  function problem(message) {
    show(element('p', message, { role: 'alert' }), link('/console/cases', 'Start again'));
  }

  function link(href, text) {
    const paragraph = element('p');
    paragraph.append(element('a', text, { href }));
    return paragraph;
  }

  async function signInFirst() {
    const verifier = randomText(32);
    const state = randomText(16);
    sessionStorage.setItem('halqe.pkce.' + state, JSON.stringify({ verifier, back: location.pathname }));
    const query = new URLSearchParams({
      response_type: 'code', client_id: page.client, redirect_uri: redirectUri, scope: 'openid email profile',
      state, code_challenge: await s256(verifier), code_challenge_method: 'S256',
    });
    location.assign(page.signIn + '/oauth2/authorize?' + query);
  }

  async function callback() {
    const query = new URLSearchParams(location.search);
    const state = query.get('state') || '';
    // the code is spent here: it leaves the address bar and the history at once
    history.replaceState(null, '', '/console/callback');
    const saved = sessionStorage.getItem('halqe.pkce.' + state);
    sessionStorage.removeItem('halqe.pkce.' + state);
    if (query.get('error')) return problem('Sign-in did not succeed: ' + query.get('error'));
    if (!query.get('code') || !saved) return problem('This sign-in has expired or was already used.');
    const { verifier, back } = JSON.parse(saved);
    const answer = await fetch(page.signIn + '/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: page.client, code: query.get('code'),
        redirect_uri: redirectUri, code_verifier: verifier,
      }),
    });
    if (!answer.ok) return problem('Sign-in did not succeed (' + answer.status + ').');
    sessionStorage.setItem(TOKEN, (await answer.json()).access_token);
    const safe = typeof back === 'string' && /^\/console\/[A-Za-z0-9._:\/-]*$/.test(back) && !back.includes('..');
    location.replace(safe ? back : '/console/cases');
  }

  /** {@code /api/…} read through the console's route; null when the reader must sign in (again) first. */
  async function read(path) {
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      await signInFirst();
      return null;
    }
    const answer = await fetch('/console' + path, { headers: { authorization: 'Bearer ' + token } });
    if (answer.status === 401) {
      sessionStorage.removeItem(TOKEN);
      await signInFirst();
      return null;
    }
    return answer;
  }

  function facts(pairs) {
    const list = element('dl');
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').forEach(([name, value]) => {
      list.append(element('dt', name), element('dd', value));
    });
    return list;
  }

  async function showCase() {
    const answer = await read('/api/cases/' + encodeURIComponent(page.case));
    if (!answer) return;
    if (answer.status === 404) {
      return show(element('p', 'There is no case ' + page.case + ', or it belongs to a team you are not in.',
        { role: 'alert' }), link('/console/cases', 'Your open cases'));
    }
    if (answer.status === 403) return problem('Your role does not let you open cases.');
    if (!answer.ok) return problem('The case could not be read (' + answer.status + ').');
    const c = await answer.json();
    const notes = element('ul');
    (c.notes || []).forEach((note) => notes.append(element('li', note.at + ' — ' + note.author + ': ' + note.text)));
    show(facts([
      ['Status', c.status], ['Team', c.team], ['Owner', c.owner], ['Reason', c.reason],
      ['Score', c.npsScore], ['Comment', c.comment], ['Language', c.language], ['Survey', c.surveyId],
      ['Answer', c.responseId], ['Opened', c.openedAt], ['Due', c.dueAt], ['Escalated', c.escalatedAt],
      ['Resolution', c.resolution], ['Closed', c.closedAt],
    ]), element('h2', 'Notes'), (c.notes || []).length ? notes : element('p', 'No notes yet.'));
  }

  async function home() {
    const answer = await read('/api/cases?status=open');
    if (!answer) return;
    document.getElementById('title').textContent = 'Open cases';
    if (!answer.ok) return show(element('p', 'You are signed in. Open a case from the link in its email.'));
    const items = (await answer.json()).items || [];
    const list = element('ul');
    items.forEach((c) => {
      const item = element('li');
      item.append(element('a', c.caseId, { href: '/console/cases/' + encodeURIComponent(c.caseId) }),
        document.createTextNode(' — ' + c.team + ', ' + c.reason + ', due ' + c.dueAt));
      list.append(item);
    });
    show(items.length ? list : element('p', 'No open cases.'));
  }

  const views = { callback, case: showCase, home };
  (views[page.view] || home)().catch((failure) => problem('Something went wrong: ' + failure.message));
})();
