import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { openAlertFeed, POLL_MS, type FeedEnvironment, type FeedHandlers } from '../src/services/alert-feed';
import type { AlertEvent } from '../src/services/api-types';
import { PoliceHomePage } from '../src/police/pages/home';
import { forgetUnitTree } from '../src/services/police-units';
import { saveSession } from '../src/services/session';
import { alertEvent, alertView, loginResponse, policeUnits, UNITS } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

/** The browser's EventSource as far as the feed uses it, driven by the test. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  private listeners: ((event: { data: string }) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(_type: 'alert', listener: (event: { data: string }) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(event: AlertEvent) {
    for (const listener of this.listeners) listener({ data: JSON.stringify(event) });
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.({});
  }
}

function handlers(): FeedHandlers & { [K in keyof FeedHandlers]: jest.Mock } {
  return { onSnapshot: jest.fn(), onEvent: jest.fn(), onState: jest.fn(), onError: jest.fn() };
}

const timers = () => {
  const scheduled: (() => void)[] = [];
  const env: FeedEnvironment = {
    setInterval: (callback) => scheduled.push(callback),
    clearInterval: jest.fn(),
  };
  return { env, tick: () => scheduled.forEach((callback) => callback()), scheduled };
};

beforeEach(() => {
  forgetUnitTree();
  FakeEventSource.last = null;
  saveSession(loginResponse({ accessToken: 'police-token' }, { role: 'POLICE_OFFICER', username: 'police.nangang', policeUnitId: UNITS.nangang }));
});

afterEach(() => {
  delete (globalThis as { EventSource?: unknown }).EventSource;
});

describe('alert feed', () => {
  it('in the browser, listens to the stream with the token and reloads the list on every (re)connection', async () => {
    const h = handlers();
    answerWith(200, { items: [] });
    answerWith(200, { items: [] });
    const feed = openAlertFeed(undefined, h, { ...timers().env, EventSource: FakeEventSource });
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/alerts/stream?access_token=police-token');
    source.open();
    await waitFor(() => expect(h.onSnapshot).toHaveBeenCalledTimes(2));
    expect(h.onState).toHaveBeenLastCalledWith('live');

    const event = alertEvent(3, 'CREATE', alertView());
    source.push(event);
    expect(h.onEvent).toHaveBeenCalledWith(event);

    source.fail(0);
    expect(h.onState).toHaveBeenLastCalledWith('reconnecting');
    feed.close();
    expect(source.closed).toBe(true);
  });

  it('falls back to polling every 10 s when the stream is refused for good', async () => {
    const h = handlers();
    const clock = timers();
    answerWith(200, { items: [] });
    openAlertFeed('NEW', h, { ...clock.env, EventSource: FakeEventSource });
    FakeEventSource.last!.fail(2);
    expect(h.onState).toHaveBeenLastCalledWith('polling');
    expect(clock.scheduled).toHaveLength(1);
    answerWith(200, { items: [alertView()] });
    clock.tick();
    await waitFor(() => expect(h.onSnapshot).toHaveBeenCalledTimes(2));
    expect(Taro.request).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/api/alerts?status=NEW&limit=200' }));
    expect(POLL_MS).toBe(10_000);
  });

  it('on WeChat (no EventSource), polls from the start and stops while the page is hidden', () => {
    const h = handlers();
    const clock = timers();
    answerWith(200, { items: [] });
    const feed = openAlertFeed(undefined, h, clock.env);
    expect(h.onState).toHaveBeenCalledWith('polling');
    expect(clock.scheduled).toHaveLength(1);
    feed.pause();
    expect(clock.env.clearInterval).toHaveBeenCalled();
  });
});

describe('police home', () => {
  it('shows the jurisdiction’s alerts and a new one on top the moment it is pushed, with a vibration', async () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    const overdue = alertView({ title: '招商银行南岗支行：短期内多家银行开户', acceptDueAt: '2020-01-01T00:00:00.000Z', overdue: true });
    const calm = alertView({ title: '中国移动南岗营业厅：短期内办理多张号卡' });
    Taro.request.mockImplementation(async ({ url }: { url: string }) => ({
      statusCode: 200,
      header: {},
      data: url.startsWith('/api/org/police-units') ? { items: policeUnits() } : { items: [calm, overdue] },
    }));
    render(<PoliceHomePage />);

    expect(await screen.findByText(overdue.title)).toBeTruthy();
    // Overdue first, and said so.
    const titles = () => Array.from(document.querySelectorAll('.alert-row__title')).map((n) => n.textContent);
    expect(titles()).toEqual([overdue.title, calm.title]);
    expect(screen.getByRole('alert').textContent).toBe('1 条告警已超时，请优先处理');
    expect(document.querySelector('.alert-row--overdue')?.textContent).toContain('已超时');

    const pushed = alertView({ title: '工商银行南岗支行：同一银行重复开立I类户' });
    act(() => {
      FakeEventSource.last!.open();
      FakeEventSource.last!.push(alertEvent(50, 'CREATE', pushed));
    });
    expect(await screen.findByText(pushed.title)).toBeTruthy();
    expect(titles()).toEqual([overdue.title, pushed.title, calm.title]);
    expect(screen.getByText(pushed.title).closest('.alert-row')!.className).toContain('alert-row--fresh');
    expect(Taro.vibrateShort).toHaveBeenCalledTimes(1);
    expect(screen.getByText('实时推送中')).toBeTruthy();

    fireEvent.click(screen.getByText(pushed.title));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/police/pages/alert/index?id=${pushed.id}` }));
  });

  it('reloads from the server with the status of the chosen tab', async () => {
    Taro.request.mockImplementation(async ({ url }: { url: string }) => ({
      statusCode: 200,
      header: {},
      data: url.startsWith('/api/org/police-units') ? { items: policeUnits() } : { items: [] },
    }));
    render(<PoliceHomePage />);
    expect(await screen.findByText('暂无告警')).toBeTruthy();
    fireEvent.click(screen.getByText('待签收'));
    await waitFor(() => expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/alerts?status=NEW&limit=200' })));
    expect(screen.getByText('每 10 秒自动刷新')).toBeTruthy();
  });
});
