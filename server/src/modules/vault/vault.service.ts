import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/** What a keyed hash is of. Phones share one domain, so a reserved phone matches a SIM number. */
export type HashDomain = 'id' | 'phone' | 'card' | 'request' | 'username';

const VERSION = 'v1';
const IV_BYTES = 12;
/** IVs drawn from the system's generator this many at a time: one call instead of one per value. */
const IVS_PER_DRAW = 256;

/**
 * Personal data at rest: AES-256-GCM (authenticated: a tampered ciphertext fails to open) with a
 * fresh 96-bit IV per value, and HMAC-SHA256 keyed hashes for equality lookups. The two keys are
 * separate, so a leaked lookup key opens nothing.
 */
@Injectable()
export class VaultService {
  private readonly ivs = Buffer.alloc(IV_BYTES * IVS_PER_DRAW);
  private nextIv = IVS_PER_DRAW;

  constructor(private readonly config: AppConfig) {}

  /** A fresh random IV, never handed out twice: the pool is refilled, never reread. */
  private iv(): Buffer {
    if (this.nextIv === IVS_PER_DRAW) {
      randomFillSync(this.ivs);
      this.nextIv = 0;
    }
    const start = IV_BYTES * this.nextIv++;
    return this.ivs.subarray(start, start + IV_BYTES);
  }

  encrypt(plain: string): string {
    const iv = this.iv();
    const cipher = createCipheriv('aes-256-gcm', this.config.vaultKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(sealed: string): string {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || !payload) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.config.vaultKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(domain: HashDomain, normalized: string): string {
    return createHmac('sha256', this.config.hashKey).update(`${domain}:${normalized}`).digest('base64url');
  }
}

/** '张三' → '张*', '欧阳娜娜' → '欧**娜'. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
