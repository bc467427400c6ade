import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Pool, PoolClient } from 'pg';
import { AppConfig } from '../../config/app-config';
import { DATABASE } from '../../database/database.module';
import type { Database } from '../../database/database';

const CHANNEL = 'duanka_alert_events';

/**
 * Wakes every server instance when an alert changes. The message is only a sequence number: each
 * instance then reads what is new from the alert_actions table, so a lost or duplicated wake-up
 * loses nothing. Across instances: PostgreSQL LISTEN/NOTIFY, or Redis pub/sub when REDIS_URL is
 * set; within one instance (and on SQLite), directly.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EventBus');
  private readonly listeners = new Set<(seq: number) => void>();
  private pgListener: PoolClient | undefined;
  private redisSub: Redis | undefined;
  private redisPub: Redis | undefined;

  constructor(
    private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.redisUrl) {
      this.redisSub = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      this.redisPub = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      await Promise.all([this.redisSub.connect(), this.redisPub.connect()]);
      await this.redisSub.subscribe(CHANNEL);
      this.redisSub.on('message', (_channel: string, message: string) => this.deliver(Number(message)));
      this.logger.log('alert fan-out across instances: Redis pub/sub');
    } else if (this.config.database.kind === 'postgres') {
      const pool = (this.db.dataSource.driver as unknown as { master: Pool }).master;
      this.pgListener = await pool.connect();
      this.pgListener.on('notification', (n) => this.deliver(Number(n.payload)));
      await this.pgListener.query(`LISTEN ${CHANNEL}`);
      this.logger.log('alert fan-out across instances: PostgreSQL LISTEN/NOTIFY');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.listeners.clear();
    if (this.pgListener) {
      await this.pgListener.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      this.pgListener.release();
    }
    this.redisSub?.disconnect();
    this.redisPub?.disconnect();
  }

  subscribe(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after the transaction that wrote the action has committed. */
  async publish(seq: number): Promise<void> {
    if (this.redisPub) {
      await this.redisPub.publish(CHANNEL, String(seq));
    } else if (this.pgListener) {
      await this.db.sql.run(`SELECT pg_notify('${CHANNEL}', ?)`, [String(seq)]);
    } else {
      this.deliver(seq);
    }
  }

  private deliver(seq: number): void {
    if (!Number.isFinite(seq)) return;
    for (const listener of this.listeners) listener(seq);
  }
}
