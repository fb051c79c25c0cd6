// Signing in: the authorization code flow with PKCE (S256) at the user pool's managed login, as a public client.
// The access token is kept for this tab only (sessionStorage), never in a cookie or the address.

export interface SignInSettings {
  /** The managed login's address, without a trailing slash (https://<prefix>.auth.<region>.amazoncognito.com). */
  signInUrl: string;
  clientId: string;
}

const TOKEN = 'halqe.token';
const PENDING = 'halqe.pkce.';
const SCOPES = 'openid email profile';

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomText(size: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

/** RFC 7636's S256 challenge of a verifier. */
export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** A console path to return to after signing in; anything else (another site, a trick path) is the cases list. */
export function safeReturn(path: unknown): string {
  return typeof path === 'string' && /^\/console\/[A-Za-z0-9._:/-]*$/.test(path) && !path.includes('..')
    && !path.includes('//') ? path : '/console/cases';
}

export function callbackUri(origin: string): string {
  return origin + '/console/callback';
}

/** Where to send the reader to sign in; remembers the verifier and the way back under a fresh state. */
export async function authorizeUrl(settings: SignInSettings, origin: string, back: string,
  storage: Storage): Promise<string> {
  const verifier = randomText(32);
  const state = randomText(16);
  storage.setItem(PENDING + state, JSON.stringify({ verifier, back }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: callbackUri(origin), scope: SCOPES, state,
    code_challenge: await s256(verifier), code_challenge_method: 'S256',
  });
  return settings.signInUrl + '/oauth2/authorize?' + query.toString();
}

export type CallbackResult = { ok: true; back: string } | { ok: false; reason: string };

/**
 * The sign-in's return: the code exchanged once, with the verifier its state remembered, for the tokens. A state
 * this tab did not start, or a code already spent, is refused.
 */
export async function completeSignIn(settings: SignInSettings, origin: string, search: string, storage: Storage,
  post: typeof fetch): Promise<CallbackResult> {
  const query = new URLSearchParams(search);
  const state = query.get('state') ?? '';
  const saved = storage.getItem(PENDING + state);
  storage.removeItem(PENDING + state);
  const error = query.get('error');
  if (error) {
    return { ok: false, reason: error };
  }
  const code = query.get('code');
  if (!code || !saved) {
    return { ok: false, reason: 'expired' };
  }
  const { verifier, back } = JSON.parse(saved) as { verifier: string; back: string };
  const answer = await post(settings.signInUrl + '/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: settings.clientId, code, redirect_uri: callbackUri(origin),
      code_verifier: verifier,
    }).toString(),
  });
  if (!answer.ok) {
    return { ok: false, reason: 'token ' + answer.status };
  }
  const tokens = (await answer.json()) as { access_token?: string };
  if (!tokens.access_token) {
    return { ok: false, reason: 'no token' };
  }
  storage.setItem(TOKEN, tokens.access_token);
  return { ok: true, back: safeReturn(back) };
}

export function token(storage: Storage): string | null {
  return storage.getItem(TOKEN);
}

export function forget(storage: Storage): void {
  storage.removeItem(TOKEN);
}

/** The signed-in person's name and groups, read from the token (already verified by the API on every call). */
export function whoAmI(storage: Storage): { user: string; groups: string[] } | null {
  const jwt = token(storage);
  if (!jwt) {
    return null;
  }
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    return { user: String(claims.username ?? claims['cognito:username'] ?? ''), groups: claims['cognito:groups'] ?? [] };
  } catch {
    return null;
  }
}
