import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CITY, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';

describe('staff accounts, managed within scope (SQLite)', () => {
  let server: TestServer;
  const as = {} as Record<StaffKey, Api>;

  before(async () => {
    server = await startServer('sqlite');
    await seedTestCity(server.db.sql);
    for (const key of ['icbcAdmin', 'squad', 'sysAdmin', 'tellerIcbcNangang'] as StaffKey[]) as[key] = await new Api(server.url).login(key);
  });
  after(() => server?.close());

  it('lets an institution admin create a teller at its own branch only, who can then log in', async () => {
    const created = await as.icbcAdmin.post<{ id: string; role: string; institutionId: string }>('/api/staff', {
      username: 'new.teller', displayName: '新柜员', role: 'TELLER', branchId: CITY.branches.icbcDaoli.id, password: 'a-long-password',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.institutionId, CITY.institutions.icbc.id);
    await new Api(server.url).login('new.teller', 'a-long-password');
    const elsewhere = await as.icbcAdmin.post('/api/staff', {
      username: 'ccb.teller', displayName: '外行柜员', role: 'TELLER', branchId: CITY.branches.ccbNangang.id, password: 'a-long-password',
    });
    assert.equal(elsewhere.status, 403);
    const police = await as.icbcAdmin.post('/api/staff', { username: 'cop', displayName: '民警', role: 'POLICE_OFFICER', policeUnitId: CITY.units.daoli.id, password: 'a-long-password' });
    assert.equal(police.status, 403);
    const taken = await as.icbcAdmin.post('/api/staff', { username: 'new.teller', displayName: '重名', role: 'TELLER', branchId: CITY.branches.icbcDaoli.id, password: 'a-long-password' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'USERNAME_TAKEN');
  });

  it('disables an account: it can no longer log in, and its token stops working', async () => {
    const list = await as.icbcAdmin.get<{ items: { id: string; username: string }[] }>('/api/staff');
    assert.ok(list.body.items.every((s) => s.username !== 'squad'), 'an institution admin sees its own institution only');
    const teller = list.body.items.find((s) => s.username === 'tellerIcbcNangang')!;
    const disabled = await as.icbcAdmin.request('PATCH', `/api/staff/${teller.id}`, { active: false });
    assert.equal(disabled.status, 200);
    assert.equal((await as.tellerIcbcNangang.get('/api/auth/me')).status, 401);
    const login = await new Api(server.url).post('/api/auth/login', { username: 'tellerIcbcNangang', password: 'duanka123' });
    assert.equal(login.status, 401);
  });

  it('refuses account management to tellers and weak passwords to everyone', async () => {
    assert.equal((await as.tellerIcbcNangang.get('/api/staff')).status, 401, 'disabled above');
    const weak = await as.sysAdmin.post('/api/staff', { username: 'weak', displayName: '弱', role: 'SYSTEM_ADMIN', password: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.code, 'VALIDATION_FAILED');
  });
});
