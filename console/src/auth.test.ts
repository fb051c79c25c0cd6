import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeUrl, completeSignIn, s256, safeReturn, whoAmI } from './auth';

const settings = { signInUrl: 'https://halqe.auth.eu-west-1.amazoncognito.com', clientId: 'client-1' };
const origin = 'https://feedback.example.com';

function tokenAnswer(body: unknown, status = 200): typeof fetch {
  const calls: { url: string; body: string }[] = [];
  const post = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: String(init.body) });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return Object.assign(post, { calls });
}

describe('signing in', () => {
  beforeEach(() => sessionStorage.clear());

  it('s256_shouldMatchRfc7636sExample', async () => {
    // GIVEN the verifier of RFC 7636, appendix B THEN its challenge is the RFC's
    expect(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('authorizeUrl_shouldAskForACodeWithAChallenge_andRememberTheVerifierUnderItsState', async () => {
    // WHEN a case page sends its reader to sign in
    const url = new URL(await authorizeUrl(settings, origin, '/console/cases/c-1', sessionStorage));
    // THEN the managed login is asked for a code for this client, back at the callback, with an S256 challenge
    expect(url.origin + url.pathname).toBe('https://halqe.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('redirect_uri')).toBe('https://feedback.example.com/console/callback');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const saved = JSON.parse(sessionStorage.getItem('halqe.pkce.' + url.searchParams.get('state')) ?? '{}');
    expect(await s256(saved.verifier)).toBe(url.searchParams.get('code_challenge'));
    expect(saved.back).toBe('/console/cases/c-1');
  });

  it('completeSignIn_shouldExchangeTheCodeOnce_andGoBackWhereTheReaderWas', async () => {
    // GIVEN a sign-in this tab started
    const url = new URL(await authorizeUrl(settings, origin, '/console/cases/c-1', sessionStorage));
    const state = url.searchParams.get('state');
    const post = tokenAnswer({ access_token: 'eyJ.a.b', id_token: 'eyJ.c.d' });
    // WHEN the managed login sends the reader back with a code
    const result = await completeSignIn(settings, origin, `?code=abc&state=${state}`, sessionStorage, post);
    // THEN the code and the verifier went to the token endpoint, the token is kept, and the reader goes back
    expect(result).toEqual({ ok: true, back: '/console/cases/c-1' });
    const calls = (post as unknown as { calls: { url: string; body: string }[] }).calls;
    expect(calls[0].url).toBe('https://halqe.auth.eu-west-1.amazoncognito.com/oauth2/token');
    const form = new URLSearchParams(calls[0].body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('abc');
    expect(await s256(form.get('code_verifier') ?? '')).toBe(url.searchParams.get('code_challenge'));
    expect(sessionStorage.getItem('halqe.token')).toBe('eyJ.a.b');
    // AND the same return a second time is refused: the state is spent
    expect(await completeSignIn(settings, origin, `?code=abc&state=${state}`, sessionStorage, post))
      .toEqual({ ok: false, reason: 'expired' });
  });

  it('completeSignIn_shouldRefuse_whenTheStateWasNotStartedHere_orTheLoginReportsAnError', async () => {
    const post = tokenAnswer({ access_token: 'x' });
    expect(await completeSignIn(settings, origin, '?code=abc&state=forged', sessionStorage, post))
      .toEqual({ ok: false, reason: 'expired' });
    expect(await completeSignIn(settings, origin, '?error=access_denied&state=s', sessionStorage, post))
      .toEqual({ ok: false, reason: 'access_denied' });
    expect(sessionStorage.getItem('halqe.token')).toBeNull();
  });

  it('safeReturn_shouldKeepConsolePaths_andNothingElse', () => {
    expect(safeReturn('/console/cases/c-1')).toBe('/console/cases/c-1');
    for (const trick of ['https://evil.example/console/', '//evil.example', '/console/../api/keys', '/api/keys',
      '/console//evil.example', 42, null]) {
      expect(safeReturn(trick)).toBe('/console/cases');
    }
  });

  it('whoAmI_shouldReadTheUserAndGroupsOfTheToken', () => {
    const payload = btoa(JSON.stringify({ username: 'sara', 'cognito:groups': ['agent'] }))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    sessionStorage.setItem('halqe.token', 'eyJhbGciOiJSUzI1NiJ9.' + payload + '.sig');
    expect(whoAmI(sessionStorage)).toEqual({ user: 'sara', groups: ['agent'] });
  });
});
