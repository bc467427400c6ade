/**
 * The thread that copies SQLite's write-ahead log back into the database file (see
 * SqliteCheckpointer). It has its own connection to the same file and does nothing else.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const db = new Database(path);
db.pragma('synchronous = NORMAL');

function checkpoint(): void {
  try {
    // PASSIVE: copy what no reader still needs, never wait for or block a reader or the writer.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY (another process is checkpointing): the next round will do it.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort!.on('message', (message: string) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort!.postMessage('closed');
});
