/**
 * The session token lives in sessionStorage: a reload of the page resumes the session, closing the
 * tab forgets it (a control-room workstation is shared between shifts).
 */
const TOKEN_KEY = 'beffroi.session-token';

export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export function browserTokenStore(): TokenStore {
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    get: () => storage()?.getItem(TOKEN_KEY) ?? null,
    set: (token) => storage()?.setItem(TOKEN_KEY, token),
    clear: () => storage()?.removeItem(TOKEN_KEY),
  };
}

/** For Node tests and consoles without storage. */
export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    get: () => token,
    set: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
  };
}
