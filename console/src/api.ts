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
  const bearer = token(sessionStorage);
  if (!bearer) {
    await signInAgain(settings);
  }
  const answer = await fetch('/console' + path, {
    method,
    headers: {
      authorization: 'Bearer ' + bearer,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (answer.status === 401) {
    forget(sessionStorage);
    await signInAgain(settings);
  }
  const text = await answer.text();
  return { status: answer.status, body: text ? (JSON.parse(text) as T) : null };
}

async function signInAgain(settings: SignInSettings): Promise<never> {
  location.assign(await authorizeUrl(settings, location.origin, location.pathname, sessionStorage));
  throw new SignInNeeded();
}
