import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppConfig } from '../src/config/app-config';
import { VaultService } from '../src/modules/vault/vault.service';

const vault = new VaultService(new AppConfig({} as NodeJS.ProcessEnv));
const ivOf = (sealed: string) => Buffer.from(sealed.split('.')[1], 'base64url').subarray(0, 12).toString('hex');

describe('vault', () => {
  it('opens what it sealed, and a sealed value does not contain the plain text', () => {
    const sealed = vault.encrypt('230103199001011234');
    assert.ok(!sealed.includes('230103199001011234'));
    assert.equal(vault.decrypt(sealed), '230103199001011234');
  });

  it('never uses an IV twice, also across refills of its pool of random IVs', () => {
    const sealed = Array.from({ length: 2_000 }, () => vault.encrypt('13800138000'));
    assert.equal(new Set(sealed.map(ivOf)).size, 2_000);
    assert.equal(new Set(sealed).size, 2_000);
    for (const s of sealed.slice(250, 260)) assert.equal(vault.decrypt(s), '13800138000');
  });

  it('refuses a tampered value instead of opening it to something else', () => {
    const sealed = vault.encrypt('张三');
    const raw = Buffer.from(sealed.split('.')[1], 'base64url');
    raw[raw.length - 1] ^= 1;
    assert.throws(() => vault.decrypt(`v1.${raw.toString('base64url')}`));
  });
});
