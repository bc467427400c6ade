/** Talks to the API directly, for checks a user could not make from the screen alone. */
export async function apiLogin(baseURL: string, username: string, password = 'duanka123'): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(baseURL: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseURL}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface OpeningRow {
  id: string;
  maskedIdNumber: string;
  verdict: string;
  outcome: string | null;
  alert: { status: string; disposition: string | null } | null;
}
