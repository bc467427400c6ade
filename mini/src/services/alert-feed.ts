import type { AlertStatus } from '@duanka/shared';
import { api, apiUrl } from './api-client';
import type { AlertEvent, AlertView } from './api-types';
import { currentSession } from './session';

// Keeps an officer's alert list current. In the browser, the server's event stream (SSE) pushes
// every change as it happens and EventSource resumes from Last-Event-ID after a drop. WeChat has
// no EventSource, so there (and whenever the stream is refused) the list is polled every 10 s.

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface FeedHandlers {
  /** A fresh list from GET /api/alerts (first load, reconnect, or a poll). */
  onSnapshot(items: AlertView[]): void;
  onEvent(event: AlertEvent): void;
  onState(state: FeedState): void;
  /** A snapshot could not be loaded (the message is for the officer). */
  onError(error: Error): void;
}

interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: 'alert', listener: (event: { data: string }) => void): void;
  close(): void;
}

export interface FeedEnvironment {
  /** Absent on WeChat. */
  EventSource?: new (url: string) => EventSourceLike;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

export const POLL_MS = 10_000;
const CLOSED = 2;

function defaultEnvironment(): FeedEnvironment {
  const source = (globalThis as { EventSource?: FeedEnvironment['EventSource'] }).EventSource;
  return {
    EventSource: process.env.TARO_ENV === 'h5' ? source : undefined,
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
  };
}

export interface AlertFeed {
  /** Loads the list again now. */
  refresh(): Promise<void>;
  /** Stops polling while the page is hidden (the stream stays open: it costs nothing idle). */
  pause(): void;
  resume(): void;
  close(): void;
}

/** `status` narrows the server's list; undefined loads every status (the page filters). */
export function openAlertFeed(status: AlertStatus | undefined, handlers: FeedHandlers, env: FeedEnvironment = defaultEnvironment()): AlertFeed {
  let closed = false;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let paused = false;

  const refresh = async () => {
    try {
      const { items } = await api.listAlerts(status);
      if (!closed) handlers.onSnapshot(items);
    } catch (error) {
      if (!closed) handlers.onError(error as Error);
    }
  };

  const startPolling = () => {
    handlers.onState('polling');
    if (timer === null && !paused) timer = env.setInterval(() => void refresh(), POLL_MS);
  };
  const stopPolling = () => {
    if (timer !== null) env.clearInterval(timer);
    timer = null;
  };

  const token = currentSession()?.accessToken;
  if (env.EventSource && token) {
    handlers.onState('connecting');
    source = new env.EventSource(`${apiUrl('/alerts/stream')}?access_token=${encodeURIComponent(token)}`);
    source.addEventListener('alert', (message) => {
      try {
        handlers.onEvent(JSON.parse(message.data) as AlertEvent);
      } catch {
        // A malformed event is skipped; the next snapshot repairs the list.
      }
    });
    // Every (re)connection reloads the list once, so nothing from before the stream is missed.
    source.onopen = () => {
      handlers.onState('live');
      void refresh();
    };
    source.onerror = () => {
      if (closed || !source) return;
      if (source.readyState === CLOSED) {
        // Refused for good (e.g. the login expired): fall back to polling, which handles 401.
        source.close();
        source = null;
        startPolling();
      } else {
        handlers.onState('reconnecting');
      }
    };
  } else {
    startPolling();
  }
  void refresh();

  return {
    refresh,
    pause: () => {
      paused = true;
      stopPolling();
    },
    resume: () => {
      if (!paused) return;
      paused = false;
      if (!source && !closed) {
        void refresh();
        startPolling();
      }
    },
    close: () => {
      closed = true;
      stopPolling();
      source?.close();
      source = null;
    },
  };
}
