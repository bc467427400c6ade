import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app';
import { DATABASE } from '../../src/database/database.module';
import type { Database } from '../../src/database/database';
import { VaultService } from '../../src/modules/vault/vault.service';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database';

export interface TestServer {
  url: string;
  app: NestFastifyApplication;
  db: Database;
  vault: VaultService;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real application on a real port, on a fresh database of the given kind. */
export async function startServer(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  const saved = { ...process.env };
  // AppConfig reads the environment once, when the app is built.
  delete process.env.DATABASE_URL;
  delete process.env.SQLITE_PATH;
  Object.assign(process.env, database.env, { HOST: '127.0.0.1', PORT: '0', LOGIN_MAX_FAILURES: '5' }, env);
  let app: NestFastifyApplication;
  try {
    app = await createApp(['warn', 'error']);
    await app.listen(0, '127.0.0.1');
  } finally {
    process.env = saved;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db: app.get<Database>(DATABASE),
    vault: app.get(VaultService),
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A tiny JSON client over real HTTP, as the mini-program talks to the server. */
export class Api {
  constructor(readonly baseUrl: string, private token?: string) {}

  withToken(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  async login(username: string, password = 'duanka123'): Promise<Api> {
    const answer = await this.post<{ accessToken: string }>('/api/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return this.withToken(answer.body.accessToken);
  }
}
