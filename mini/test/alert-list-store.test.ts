import {
  alertListReducer, arrangeAlerts, initialAlertList, isOverdueAt, type AlertListAction, type AlertListState, type AlertListView,
} from '../src/services/alert-list-store';
import type { AlertView } from '../src/services/api-types';
import { alertEvent, alertView, UNITS } from './factories';

// 南岗分局's scope: itself and its station, not 道里 and not the city above it.
const NANGANG: AlertListView = { status: 'OPEN', units: new Set([UNITS.nangang, UNITS.station]) };

function run(state: AlertListState, ...actions: AlertListAction[]): AlertListState {
  return actions.reduce(alertListReducer, state);
}

const ids = (state: AlertListState) => state.items.map((item) => item.id);
const later = (alert: AlertView, minutes: number, change: Partial<AlertView>): AlertView => ({
  ...alert,
  ...change,
  updatedAt: new Date(Date.parse(alert.updatedAt) + minutes * 60_000).toISOString(),
});

describe('alert list store', () => {
  it('puts a new alert from the stream on top, marks it new and counts it for the sound', () => {
    const older = alertView();
    const loaded = run(initialAlertList(NANGANG), { type: 'snapshot', items: [older] });
    expect(loaded.arrivals).toBe(0);

    const fresh = alertView();
    const state = run(loaded, { type: 'event', event: alertEvent(41, 'CREATE', fresh) });
    expect(ids(state)).toEqual([fresh.id, older.id]);
    expect(state.fresh).toEqual([fresh.id]);
    expect(state.arrivals).toBe(1);
    expect(state.lastSeq).toBe(41);
  });

  it('updates a changed alert in place, without moving it or ringing again', () => {
    const [a, b, c] = [alertView(), alertView(), alertView()];
    const loaded = run(initialAlertList(NANGANG), { type: 'snapshot', items: [a, b, c] });
    const accepted = later(b, 5, { status: 'ACCEPTED', disposeDueAt: '2099-11-29T06:00:00.000Z' });
    const state = run(loaded, { type: 'event', event: alertEvent(7, 'ACCEPT', accepted) });
    expect(ids(state)).toEqual([a.id, b.id, c.id]);
    expect(state.items[1].status).toBe('ACCEPTED');
    expect(state.arrivals).toBe(0);
  });

  it('drops an alert escalated to a unit outside the officer’s scope', () => {
    const [a, b] = [alertView(), alertView()];
    const loaded = run(initialAlertList(NANGANG), { type: 'snapshot', items: [a, b] });
    const escalated = later(a, 40, { ownerUnit: { id: UNITS.city, name: '哈尔滨市公安局反电诈中心' }, escalations: 1 });
    const state = run(loaded, { type: 'event', event: alertEvent(9, 'ESCALATE', escalated) });
    expect(ids(state)).toEqual([b.id]);
  });

  it('ignores an event for another district, and drops an alert that leaves the status tab', () => {
    const mine = alertView();
    const waiting = run(initialAlertList({ ...NANGANG, status: 'NEW' }), { type: 'snapshot', items: [mine] });
    const elsewhere = alertView({ ownerUnit: { id: UNITS.daoli, name: '道里分局' } });
    const afterElsewhere = run(waiting, { type: 'event', event: alertEvent(3, 'CREATE', elsewhere) });
    expect(ids(afterElsewhere)).toEqual([mine.id]);
    expect(afterElsewhere.arrivals).toBe(0);

    const accepted = run(afterElsewhere, { type: 'event', event: alertEvent(4, 'ACCEPT', later(mine, 1, { status: 'ACCEPTED' })) });
    expect(ids(accepted)).toEqual([]);
  });

  it('skips a repeated event and never lets an older view overwrite a newer one', () => {
    const alert = alertView();
    const accepted = later(alert, 2, { status: 'ACCEPTED' });
    const state = run(
      initialAlertList(NANGANG),
      { type: 'snapshot', items: [alert] },
      { type: 'event', event: alertEvent(5, 'ACCEPT', accepted) },
      { type: 'event', event: alertEvent(5, 'ACCEPT', accepted) },
      // A snapshot taken before the acceptance, arriving after it.
      { type: 'snapshot', items: [alert] },
    );
    expect(state.items).toHaveLength(1);
    expect(state.items[0].status).toBe('ACCEPTED');
  });

  it('keeps an alert the stream delivered while a slower first load was still on its way', () => {
    const early = alertView();
    const listed = alertView();
    const state = run(
      initialAlertList(NANGANG),
      { type: 'event', event: alertEvent(12, 'CREATE', early) },
      { type: 'snapshot', items: [listed] },
    );
    expect(ids(state)).toEqual([early.id, listed.id]);
    expect(state.loaded).toBe(true);
  });

  it('on WeChat, finds new alerts by comparing one poll with the last', () => {
    const a = alertView();
    const b = alertView();
    const first = run(initialAlertList(NANGANG), { type: 'snapshot', items: [a] });
    expect(first.arrivals).toBe(0);
    const second = run(first, { type: 'snapshot', items: [b, a] });
    expect(ids(second)).toEqual([b.id, a.id]);
    expect(second.fresh).toEqual([b.id]);
    expect(second.arrivals).toBe(1);
    const seen = run(second, { type: 'seen', id: b.id });
    expect(seen.fresh).toEqual([]);
  });

  it('starts afresh when the tab changes', () => {
    const loaded = run(initialAlertList(NANGANG), { type: 'snapshot', items: [alertView()] });
    const state = run(loaded, { type: 'view', view: { ...NANGANG, status: 'CLOSED' } });
    expect(state.items).toEqual([]);
    expect(state.loaded).toBe(false);
  });
});

describe('overdue alerts', () => {
  const now = Date.parse('2025-11-28T08:00:00.000Z');

  it('counts a deadline that has passed since the server answered', () => {
    expect(isOverdueAt(alertView({ acceptDueAt: '2025-11-28T07:59:00.000Z', overdue: false }), now)).toBe(true);
    expect(isOverdueAt(alertView({ status: 'IN_PROGRESS', disposeDueAt: '2025-11-28T09:00:00.000Z' }), now)).toBe(false);
    expect(isOverdueAt(alertView({ status: 'DISPOSED', acceptDueAt: '2025-11-28T07:00:00.000Z' }), now)).toBe(false);
  });

  it('lists overdue alerts first, each group keeping its order', () => {
    const newest = alertView();
    const overdueA = alertView({ acceptDueAt: '2025-11-28T07:00:00.000Z' });
    const plain = alertView();
    const overdueB = alertView({ status: 'ACCEPTED', disposeDueAt: '2025-11-28T07:30:00.000Z' });
    const arranged = arrangeAlerts([newest, overdueA, plain, overdueB], now).map((a) => a.id);
    expect(arranged).toEqual([overdueA.id, overdueB.id, newest.id, plain.id]);
  });
});
