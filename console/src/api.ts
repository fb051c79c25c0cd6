// Reads and writes through /console/api/…, where API Gateway's JWT authorizer checks the token and the API the
// caller's role and teams. A 401 means the token is gone or expired: the reader signs in again and comes back.
import { authorizeUrl, forget, token, type SignInSettings } from './auth';

export class SignInNeeded extends Error {}

export interface ApiAnswer<T> {
  status: number;
  body: T | null;
}

export async function call<T>(settings: SignInSettings, method: string, path: string, body?: unknown):
  Promise<ApiAnswer<T>> {
  return send<T>(settings, method, path, body === undefined ? undefined
    : { contentType: 'application/json', bytes: JSON.stringify(body) });
}

/**
 * A call whose body is sent as it is — a File the reader chose, say, so its bytes (a byte-order mark included) reach
 * the API unchanged — with its own content type.
 */
export async function callRaw<T>(settings: SignInSettings, method: string, path: string, body: Blob,
  contentType: string): Promise<ApiAnswer<T>> {
  return send<T>(settings, method, path, { contentType, bytes: body });
}

async function send<T>(settings: SignInSettings, method: string, path: string,
  body?: { contentType: string; bytes: BodyInit }): Promise<ApiAnswer<T>> {
  const bearer = token(sessionStorage);
  if (!bearer) {
    await signInAgain(settings);
  }
  const answer = await fetch('/console' + path, {
    method,
    headers: {
      authorization: 'Bearer ' + bearer,
      ...(body === undefined ? {} : { 'content-type': body.contentType }),
    },
    body: body?.bytes,
  });
  if (answer.status === 401) {
    forget(sessionStorage);
    await signInAgain(settings);
  }
  const text = await answer.text();
  return { status: answer.status, body: text ? (JSON.parse(text) as T) : null };
}

/** A page that reads nothing until asked still needs its reader signed in: sent to sign in now if they are not. */
export async function ensureSignedIn(settings: SignInSettings): Promise<void> {
  if (!token(sessionStorage)) {
    await signInAgain(settings);
  }
}

async function signInAgain(settings: SignInSettings): Promise<never> {
  location.assign(await authorizeUrl(settings, location.origin, location.pathname, sessionStorage));
  throw new SignInNeeded();
}
