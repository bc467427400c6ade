import { uuidV7 } from '@duanka/shared';
import { Injectable } from '@nestjs/common';
import type { Sql } from '../../database/sql';
import { AlertsRepository, type AlertActionRow } from './alerts.repository';

// The steps after which an alert has a new owner who must hear of it on WeChat.
const NOTIFYING = new Set(['CREATE', 'ESCALATE', 'ASSIGN']);

/**
 * Every step of the closed loop goes through here: the action row (whose seq is also the live
 * event id) and, when the alert has a new owner, the WeChat messages to send, in the same
 * transaction. The messages are an outbox: a worker sends and retries them, so none is lost
 * when WeChat or the process is down.
 */
@Injectable()
export class AlertJournal {
  constructor(private readonly repo: AlertsRepository) {}

  async append(tx: Sql, action: Omit<AlertActionRow, 'seq'>, assigneeId: string | null = null): Promise<number> {
    const seq = await this.repo.addAction(tx, action);
    if (NOTIFYING.has(action.action)) {
      const recipients = assigneeId
        ? await tx.all<{ id: string }>("SELECT id FROM staff WHERE id = ? AND wechat_openid IS NOT NULL AND active = ?", [assigneeId, true])
        : await tx.all<{ id: string }>("SELECT id FROM staff WHERE police_unit_id = ? AND wechat_openid IS NOT NULL AND active = ?", [action.owner_unit_id, true]);
      for (const recipient of recipients) {
        await tx.run(
          `INSERT INTO notifications (id, alert_id, action_seq, staff_id, status, attempts, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
          [uuidV7(), action.alert_id, seq, recipient.id, action.at, action.at],
        );
      }
    }
    return seq;
  }
}
