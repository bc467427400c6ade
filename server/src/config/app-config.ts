import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

// Development keys are fixed so that a restarted demo server can still read its own SQLite file.
// They are public (they are in this file), so production refuses to start without real ones.
const DEV_VAULT_KEY = Buffer.alloc(32, 'duanka-dev-vault-key').toString('base64');
const DEV_HASH_KEY = Buffer.alloc(32, 'duanka-dev-hash-key').toString('base64');
const DEV_TOKEN_SECRET = 'duanka-dev-token-secret-do-not-use-in-production';

export class ConfigError extends Error {}

/** The whole server configuration, read once from the environment and validated at start-up. */
export class AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };
  readonly vaultKey: Buffer;
  readonly hashKey: Buffer;
  readonly tokenSecret: Buffer;
  readonly tokenTtlSeconds: number;
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
  readonly homeProvinceCode: string;
  readonly wechat: { apiBase: string; appId: string; appSecret: string; alertTemplateId: string };
  readonly h5Dir: string | undefined;
  readonly alertAcceptMinutes: number;
  readonly alertDisposeHours: number;
  readonly alertGroupWindowHours: number;
  readonly escalationSweepSeconds: number;
  readonly spikeSweepSeconds: number;
  readonly notifySweepSeconds: number;
  readonly redisUrl: string | undefined;
  readonly usesDevelopmentSecrets: boolean;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.production = env.NODE_ENV === 'production';
    this.port = intFrom(env, 'PORT', 3000, 0, 65535);
    this.host = env.HOST ?? '0.0.0.0';
    const url = env.DATABASE_URL?.trim();
    if (url) {
      if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_URL must be a postgres:// URL');
      this.database = { kind: 'postgres', url, poolSize: intFrom(env, 'DATABASE_POOL_SIZE', 10, 1, 200) };
    } else {
      this.database = { kind: 'sqlite', path: path.resolve(env.SQLITE_PATH ?? path.join('data', 'duanka.sqlite')) };
    }
    const missing = ['VAULT_KEY', 'HASH_KEY', 'TOKEN_SECRET'].filter((k) => !env[k]);
    if (this.production && missing.length > 0) {
      throw new ConfigError(`production needs ${missing.join(', ')} (32 random bytes, base64: openssl rand -base64 32)`);
    }
    this.usesDevelopmentSecrets = missing.length > 0;
    this.vaultKey = keyFrom(env, 'VAULT_KEY', DEV_VAULT_KEY);
    this.hashKey = keyFrom(env, 'HASH_KEY', DEV_HASH_KEY);
    if (this.vaultKey.equals(this.hashKey)) throw new ConfigError('VAULT_KEY and HASH_KEY must differ');
    this.tokenSecret = Buffer.from(env.TOKEN_SECRET ?? DEV_TOKEN_SECRET, 'utf8');
    if (this.tokenSecret.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
    this.tokenTtlSeconds = intFrom(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 24 * 3600);
    this.loginMaxFailures = intFrom(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000);
    this.loginWindowSeconds = intFrom(env, 'LOGIN_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600);
    this.homeProvinceCode = env.HOME_PROVINCE_CODE ?? '23';
    if (!/^\d{2}$/.test(this.homeProvinceCode)) throw new ConfigError('HOME_PROVINCE_CODE must be 2 digits');
    this.wechat = {
      apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      appId: env.WECHAT_APPID ?? '',
      appSecret: env.WECHAT_SECRET ?? '',
      alertTemplateId: env.WECHAT_ALERT_TEMPLATE_ID ?? '',
    };
    this.h5Dir = env.H5_DIR ? path.resolve(env.H5_DIR) : undefined;
    // Default deadlines of the closed loop; the squad changes them at run time (alert policy).
    this.alertAcceptMinutes = intFrom(env, 'ALERT_ACCEPT_MINUTES', 30, 1, 7 * 24 * 60);
    this.alertDisposeHours = intFrom(env, 'ALERT_DISPOSE_HOURS', 24, 1, 30 * 24);
    this.alertGroupWindowHours = intFrom(env, 'ALERT_GROUP_WINDOW_HOURS', 24, 1, 7 * 24);
    this.escalationSweepSeconds = intFrom(env, 'ESCALATION_SWEEP_SECONDS', 30, 0, 3600);
    this.spikeSweepSeconds = intFrom(env, 'SPIKE_SWEEP_SECONDS', 300, 0, 3600);
    this.notifySweepSeconds = intFrom(env, 'NOTIFY_SWEEP_SECONDS', 5, 0, 3600);
    this.redisUrl = env.REDIS_URL?.trim() || undefined;
  }

  get databaseKind(): DatabaseKind {
    return this.database.kind;
  }

  announce(logger: Logger): void {
    const where = this.database.kind === 'sqlite' ? `SQLite ${this.database.path}` : 'PostgreSQL';
    logger.log(`database: ${where}`);
    if (this.usesDevelopmentSecrets) {
      logger.warn('VAULT_KEY / HASH_KEY / TOKEN_SECRET not set: using the public development keys. Never do this with real data.');
    }
    if (!this.wechat.appId || !this.wechat.appSecret) logger.warn('WECHAT_APPID / WECHAT_SECRET not set: WeChat login and push are off');
    else if (!this.wechat.alertTemplateId) logger.warn('WECHAT_ALERT_TEMPLATE_ID not set: alerts are not pushed to WeChat');
  }
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function keyFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): Buffer {
  const key = Buffer.from(env[name] ?? fallback, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
}

/** A fresh random key, for tests and for `duanka keygen`. */
export function newKey(): string {
  return randomBytes(32).toString('base64');
}
