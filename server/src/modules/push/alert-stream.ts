import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import type { AlertEvent } from '@duanka/shared';
import { actionView } from '../alerts/alert-view';
import { AlertsRepository, type AlertActionRow } from '../alerts/alerts.repository';
import { AlertsService } from '../alerts/alerts.service';
import { EventBus } from './event-bus';

export type { AlertEvent };

const SAFETY_SWEEP_MS = 5_000;

interface Subscriber {
  actor: Actor;
  units: ReadonlySet<string>;
  cursor: number;
  send(event: AlertEvent): void;
  pumping: Promise<void> | undefined;
  again: boolean;
}

/**
 * Live alert events for the officers connected to this instance. Every subscriber has a cursor
 * (the last sequence number it received) and is pumped from the alert_actions table in order, so
 * a reconnect with Last-Event-ID, a wake-up from another instance and a local change all take the
 * same path, and nothing is skipped or sent twice.
 */
@Injectable()
export class AlertStream implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AlertStream');
  private readonly subscribers = new Set<Subscriber>();
  private unsubscribe: (() => void) | undefined;
  private sweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly repo: AlertsRepository,
    private readonly alerts: AlertsService,
  ) {}

  onModuleInit(): void {
    const wake = () => {
      for (const subscriber of this.subscribers) this.pump(subscriber);
    };
    this.unsubscribe = this.bus.subscribe(wake);
    // A wake-up lost with a dropped LISTEN connection or a Redis hiccup would otherwise leave a
    // stream silent until the next change: look at the table every few seconds regardless.
    this.sweep = setInterval(wake, SAFETY_SWEEP_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.sweep) clearInterval(this.sweep);
    this.subscribers.clear();
  }

  get connected(): number {
    return this.subscribers.size;
  }

  /** Starts delivering to a connection; `after` is its Last-Event-ID, or undefined for "from now on". */
  async connect(actor: Actor, after: number | undefined, send: (event: AlertEvent) => void): Promise<() => void> {
    const scope = await this.alerts.scope(actor);
    const units = new Set('unitIds' in scope ? scope.unitIds : []);
    const cursor = after ?? (await this.repo.lastSeq());
    const subscriber: Subscriber = { actor, units, cursor, send, pumping: undefined, again: false };
    this.subscribers.add(subscriber);
    this.pump(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private pump(subscriber: Subscriber): void {
    if (subscriber.pumping) {
      subscriber.again = true;
      return;
    }
    subscriber.pumping = (async () => {
      do {
        subscriber.again = false;
        for (;;) {
          const batch = await this.repo.actionsAfter(subscriber.cursor, 200);
          if (batch.length === 0) break;
          for (const action of batch) {
            if (!this.subscribers.has(subscriber)) return;
            await this.deliver(subscriber, action);
            subscriber.cursor = Number(action.seq);
          }
        }
      } while (subscriber.again);
    })()
      .catch((error: Error) => this.logger.error(`stream pump failed: ${error.message}`))
      .finally(() => (subscriber.pumping = undefined));
  }

  private async deliver(subscriber: Subscriber, action: AlertActionRow): Promise<void> {
    // An alert handed to another branch of the tree still reaches whoever saw it before the move.
    if (!subscriber.units.has(action.owner_unit_id)) return;
    const alert = await this.repo.find(action.alert_id);
    if (!alert) return;
    subscriber.send({ seq: Number(action.seq), action: actionView(action), alert: await this.alerts.view(alert) });
  }
}
