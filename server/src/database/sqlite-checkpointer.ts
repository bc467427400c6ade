import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * SQLite in WAL mode appends every commit to the log and, every 1,000 pages, copies the log back
 * into the database file (a checkpoint: page writes and two fsyncs) inside whichever COMMIT
 * crossed the line. On the server that is the one thread that answers every request (measured
 * under load: its checkpoint fsyncs alone took 8% of that thread, the page copies more). Here a
 * thread of its own does them, on the other core, a few times a second; the request thread only
 * appends to the log.
 *
 * The request connection keeps a distant automatic checkpoint as a backstop (AUTOCHECKPOINT_PAGES),
 * so that the log stays bounded even if this thread could not keep up.
 */
export class SqliteCheckpointer {
  /** The request connection's own checkpoint, only reached if this thread falls far behind (≈ 80 MB of log). */
  static readonly AUTOCHECKPOINT_PAGES = 20_000;

  private readonly worker: Worker;
  private exited = false;

  constructor(file: string, intervalMs = 200, logger = new Logger('Database')) {
    this.worker = new Worker(path.join(__dirname, 'sqlite-checkpoint.worker.js'), { workerData: { path: file, intervalMs } });
    // A process that is otherwise done does not wait for this thread.
    this.worker.unref();
    // If the thread dies, the request connection's own checkpoint still bounds the log: say so, do not crash.
    this.worker.on('error', (error) => logger.warn(`checkpoint thread stopped (${error.message}); checkpoints fall back to the request connection`));
    this.worker.once('exit', () => (this.exited = true));
  }

  /** Runs a last checkpoint and closes the thread's connection. */
  async close(): Promise<void> {
    if (this.exited) return;
    // Unreferenced, a thread that is already dying would let the event loop end under this wait.
    this.worker.ref();
    const closed = once(this.worker, 'message');
    this.worker.postMessage('close');
    await Promise.race([closed, once(this.worker, 'exit')]);
    await this.worker.terminate();
  }
}
