import type { BankOpeningRequest } from '@duanka/shared';
import { OfflineQueue, type QueuedSubmission, type QueueStorage } from '../src/services/offline-queue';

/** Device storage as the real one behaves: values survive as JSON, shared by every queue instance. */
function deviceStorage(): QueueStorage & { raw: () => string | undefined } {
  let saved: string | undefined;
  return { load: () => (saved === undefined ? '' : JSON.parse(saved)), save: (items) => void (saved = JSON.stringify(items)), raw: () => saved };
}

function bank(id: string): { kind: 'BANK'; payload: BankOpeningRequest; summary: string } {
  return {
    kind: 'BANK',
    summary: `银行开户 · 张* · ${id}`,
    payload: {
      id, idNumber: '11010519491231002X', name: '张三', accountClass: 'I', cardNumber: '6222020200112233445',
      phone: '13812345678', purpose: 'SALARY', companionRelation: 'NONE',
    } as BankOpeningRequest,
  };
}

/** A sender whose answers the test releases one by one, recording every attempt. */
function controllableSender() {
  const attempts: string[] = [];
  const waiting: Array<{ id: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  const send = (item: QueuedSubmission) =>
    new Promise<void>((resolve, reject) => {
      attempts.push(item.id);
      waiting.push({ id: item.id, resolve, reject });
    });
  const next = async () => {
    for (let i = 0; i < 20 && waiting.length === 0; i += 1) await Promise.resolve();
    const entry = waiting.shift();
    if (!entry) throw new Error('nothing is being sent');
    return entry;
  };
  return { attempts, send, next };
}

const httpError = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode });
const networkError = () => Object.assign(new Error('网络连接失败，请检查网络后重试'), { statusCode: undefined });

describe('offline queue', () => {
  it('sends each item exactly once, even when flushes are asked for while one is running', async () => {
    const storage = deviceStorage();
    const sender = controllableSender();
    const queue = new OfflineQueue(storage, sender.send);
    queue.enqueue(bank('a'));
    queue.enqueue(bank('b'));

    const first = queue.flush();
    const second = queue.flush();
    (await sender.next()).resolve();
    const third = queue.flush();
    (await sender.next()).resolve();
    const reports = await Promise.all([first, second, third]);

    expect(sender.attempts).toEqual(['a', 'b']);
    expect(reports.map((r) => r.sent)).toEqual([2, 2, 2]);
    expect(queue.list()).toEqual([]);

    // Nothing left: a later flush sends nothing again.
    await expect(queue.flush()).resolves.toEqual({ sent: 0, failed: 0, pending: 0, needsLogin: false });
    expect(sender.attempts).toEqual(['a', 'b']);
  });

  it('picks up an item queued while a flush runs, once', async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    queue.enqueue(bank('a'));
    const flushing = queue.flush();
    queue.enqueue(bank('b'));
    (await sender.next()).resolve();
    (await sender.next()).resolve();
    await expect(flushing).resolves.toMatchObject({ sent: 2, pending: 0 });
    expect(sender.attempts).toEqual(['a', 'b']);
  });

  it('keeps an item the server refuses (4xx) as failed, with the server message, and does not resend it', async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    queue.enqueue(bank('a'));
    queue.enqueue(bank('b'));

    const flushing = queue.flush();
    (await sender.next()).reject(httpError(400, '身份证号校验位不正确'));
    (await sender.next()).resolve();
    await expect(flushing).resolves.toEqual({ sent: 1, failed: 1, pending: 0, needsLogin: false });

    expect(queue.list()).toEqual([
      expect.objectContaining({ id: 'a', status: 'FAILED', lastError: '身份证号校验位不正确', attempts: 1 }),
    ]);
    await expect(queue.flush()).resolves.toMatchObject({ sent: 0 });
    expect(sender.attempts).toEqual(['a', 'b']);
  });

  it('keeps items pending when the network or the server is down, and stops trying the rest until later', async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    queue.enqueue(bank('a'));
    queue.enqueue(bank('b'));

    const offline = queue.flush();
    (await sender.next()).reject(networkError());
    await expect(offline).resolves.toEqual({ sent: 0, failed: 0, pending: 2, needsLogin: false });
    expect(sender.attempts).toEqual(['a']);

    const serverDown = queue.flush();
    (await sender.next()).reject(httpError(503, '系统繁忙，请稍后重试'));
    await expect(serverDown).resolves.toMatchObject({ sent: 0, pending: 2 });
    expect(queue.find('a')).toMatchObject({ status: 'PENDING', attempts: 2, lastError: '系统繁忙，请稍后重试' });

    const back = queue.flush();
    (await sender.next()).resolve();
    (await sender.next()).resolve();
    await expect(back).resolves.toMatchObject({ sent: 2, pending: 0 });
    expect(sender.attempts).toEqual(['a', 'a', 'a', 'b']);
  });

  it('stops and reports it when the login has expired (401), keeping the item pending', async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    queue.enqueue(bank('a'));
    const flushing = queue.flush();
    (await sender.next()).reject(httpError(401, '登录已过期，请重新登录'));
    await expect(flushing).resolves.toEqual({ sent: 0, failed: 0, pending: 1, needsLogin: true });
    expect(queue.find('a')?.status).toBe('PENDING');
  });

  it('survives a restart: a new queue on the same storage sends what the old one had not', async () => {
    const storage = deviceStorage();
    const before = new OfflineQueue(storage, controllableSender().send);
    before.enqueue(bank('a'));
    before.enqueue(bank('b'));
    expect(JSON.parse(storage.raw()!)).toHaveLength(2);

    const sender = controllableSender();
    const after = new OfflineQueue(storage, sender.send);
    expect(after.list().map((item) => item.summary)).toEqual(['银行开户 · 张* · a', '银行开户 · 张* · b']);
    expect(after.pendingCount()).toBe(2);
    const flushing = after.flush();
    (await sender.next()).resolve();
    (await sender.next()).resolve();
    await expect(flushing).resolves.toMatchObject({ sent: 2 });
    expect(sender.attempts).toEqual(['a', 'b']);
    expect(new OfflineQueue(storage, sender.send).list()).toEqual([]);
  });

  it("sends only the logged-in account's items, since they go out under its token", async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    queue.enqueue({ ...bank('mine'), owner: 'teller-1' });
    queue.enqueue({ ...bank('theirs'), owner: 'teller-2' });
    const flushing = queue.flush('teller-1');
    (await sender.next()).resolve();
    await expect(flushing).resolves.toMatchObject({ sent: 1, pending: 0 });
    expect(sender.attempts).toEqual(['mine']);
    expect(queue.list().map((item) => item.id)).toEqual(['theirs']);
  });

  it('queues one opening once: queuing the same id again replaces it', async () => {
    const queue = new OfflineQueue(deviceStorage(), controllableSender().send);
    queue.enqueue(bank('a'));
    queue.enqueue(bank('a'));
    expect(queue.list()).toHaveLength(1);
  });

  it('tells listeners about every change, so the pending count on screen stays right', async () => {
    const sender = controllableSender();
    const queue = new OfflineQueue(deviceStorage(), sender.send);
    const counts: number[] = [];
    queue.subscribe((items) => counts.push(items.length));
    queue.enqueue(bank('a'));
    const flushing = queue.flush();
    (await sender.next()).resolve();
    await flushing;
    expect(counts).toEqual([1, 0]);
  });
});
