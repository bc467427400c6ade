import type { AlertStatus } from '@duanka/shared';
import type { AlertActionKind, AlertEvent, AlertView } from './api-types';

// The officer's live alert list as pure state: snapshots (the first load, or each poll on WeChat)
// and stream events merge into it the same way on every platform and under jest.

/** Which alerts the list shows: a status tab, and the police units whose alerts are in scope. */
export type StatusFilter = 'OPEN' | 'ALL' | AlertStatus;

export interface AlertListView {
  status: StatusFilter;
  /** The officer's unit and every unit below it; ALL for the city squad (or while unknown). */
  units: ReadonlySet<string> | 'ALL';
}

export interface AlertListState {
  view: AlertListView;
  /** In arrival order: the newest arrival first; a change keeps its place. */
  items: AlertView[];
  loaded: boolean;
  /** Sequence number of the last stream event applied; older ones are duplicates. */
  lastSeq: number;
  /** Ids that arrived while the list was open (not in the first snapshot): highlighted as new. */
  fresh: string[];
  /** Ids known only from the stream, kept when a snapshot taken a moment earlier arrives late. */
  liveOnly: string[];
  /** Counts new alerts worth a sound: the page rings when it goes up. */
  arrivals: number;
}

export type AlertListAction =
  | { type: 'view'; view: AlertListView }
  | { type: 'snapshot'; items: AlertView[] }
  | { type: 'event'; event: AlertEvent }
  | { type: 'seen'; id: string };

export const OPEN_STATUSES: readonly AlertStatus[] = ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'DISPOSED'];

// Actions that bring an alert to someone's desk, as opposed to a step of its handling.
const ANNOUNCED: readonly AlertActionKind[] = ['CREATE', 'ESCALATE', 'ASSIGN', 'MEMBER_ADDED'];

export function initialAlertList(view: AlertListView): AlertListState {
  return { view, items: [], loaded: false, lastSeq: 0, fresh: [], liveOnly: [], arrivals: 0 };
}

export function inView(alert: AlertView, view: AlertListView): boolean {
  const inScope = view.units === 'ALL' || view.units.has(alert.ownerUnit.id);
  if (!inScope) return false;
  if (view.status === 'ALL') return true;
  if (view.status === 'OPEN') return OPEN_STATUSES.includes(alert.status);
  return alert.status === view.status;
}

/** The later of two views of one alert (a stream event may overtake a slower snapshot). */
function newer(a: AlertView, b: AlertView): AlertView {
  return Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a;
}

const without = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((other) => other !== id) : ids);

function applySnapshot(state: AlertListState, snapshot: AlertView[]): AlertListState {
  const known = new Map(state.items.map((item) => [item.id, item]));
  const inSnapshot = new Set(snapshot.map((item) => item.id));
  const items = snapshot.filter((item) => inView(item, state.view)).map((item) => {
    const mine = known.get(item.id);
    return mine ? newer(mine, item) : item;
  });
  // Alerts the stream delivered after this snapshot was taken are not in it: keep them on top.
  const lateLive = state.items.filter((item) => state.liveOnly.includes(item.id) && !inSnapshot.has(item.id));
  const arrived = state.loaded ? items.filter((item) => !known.has(item.id)).map((item) => item.id) : [];
  const merged = [...lateLive, ...items];
  const shown = new Set(merged.map((item) => item.id));
  return {
    ...state,
    items: merged,
    loaded: true,
    liveOnly: lateLive.map((item) => item.id),
    fresh: [...arrived, ...state.fresh.filter((id) => shown.has(id) && !arrived.includes(id))],
    arrivals: state.arrivals + arrived.length,
  };
}

function applyEvent(state: AlertListState, { seq, action, alert }: AlertEvent): AlertListState {
  if (seq <= state.lastSeq) return state;
  const index = state.items.findIndex((item) => item.id === alert.id);
  const next = { ...state, lastSeq: seq };
  if (!inView(alert, state.view)) {
    // Handed to a unit outside the officer's scope, or no longer in this tab.
    if (index < 0) return next;
    return {
      ...next,
      items: state.items.filter((item) => item.id !== alert.id),
      fresh: without(state.fresh, alert.id),
      liveOnly: without(state.liveOnly, alert.id),
    };
  }
  if (index >= 0) {
    const items = state.items.slice();
    items[index] = newer(items[index], alert);
    return { ...next, items };
  }
  const announced = ANNOUNCED.includes(action.action);
  return {
    ...next,
    items: [alert, ...state.items],
    fresh: [alert.id, ...state.fresh],
    liveOnly: [alert.id, ...state.liveOnly],
    arrivals: state.arrivals + (announced ? 1 : 0),
  };
}

export function alertListReducer(state: AlertListState, action: AlertListAction): AlertListState {
  switch (action.type) {
    case 'view':
      return initialAlertList(action.view);
    case 'snapshot':
      return applySnapshot(state, action.items);
    case 'event':
      return applyEvent(state, action.event);
    case 'seen':
      return { ...state, fresh: without(state.fresh, action.id) };
  }
}

/** Whether an alert's deadline has passed now (the server's flag is only as fresh as its answer). */
export function isOverdueAt(alert: Pick<AlertView, 'status' | 'acceptDueAt' | 'disposeDueAt' | 'overdue'>, now: number): boolean {
  const due = alert.status === 'NEW' ? alert.acceptDueAt : alert.status === 'ACCEPTED' || alert.status === 'IN_PROGRESS' ? alert.disposeDueAt : null;
  if (due === null) return false;
  const at = Date.parse(due);
  return Number.isNaN(at) ? alert.overdue : at < now;
}

/** What the officer sees: overdue alerts first, each group in the list's own order. */
export function arrangeAlerts(items: readonly AlertView[], now: number): AlertView[] {
  const overdue = items.filter((item) => isOverdueAt(item, now));
  return [...overdue, ...items.filter((item) => !isOverdueAt(item, now))];
}
