/** Where the progress bar writes: stderr by default, anything with `write` in tests. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

const SILENT: Progress = { tick: () => undefined, finish: () => undefined };

/**
 * A one-line progress bar on stderr: percent, rate (rows/s) and ETA. On a terminal it redraws in place
 * (at most 10 times a second); elsewhere, when asked for, it prints a plain line every 10 %.
 */
export function progressBar(label: string, total: number, enabled: boolean, sink: ProgressSink = process.stderr, unit = 'rows'): Progress {
  if (!enabled || total <= 0) return SILENT;
  const started = Date.now();
  const tty = Boolean(sink.isTTY);
  let lastDraw = 0;
  let lastDecile = -1;
  let done = 0;
  let drawn = -1;

  const line = () => {
    const elapsed = (Date.now() - started) / 1000;
    const fraction = Math.min(1, done / total);
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    return `${label} ${bar} ${(fraction * 100).toFixed(1).padStart(5)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${Math.round(rate).toLocaleString('en-US')} ${unit}/s  ETA ${clock(eta)}`;
  };

  return {
    tick(value: number) {
      done = value;
      const now = Date.now();
      if (tty) {
        if ((now - lastDraw < 100 && done < total) || done === drawn) return;
        drawn = done;
        lastDraw = now;
        sink.write(`\r${line()}\x1b[K`);
        return;
      }
      const decile = Math.floor((done / total) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        sink.write(`${line()}\n`);
      }
    },
    finish() {
      done = Math.max(done, total);
      if (tty) sink.write(`\r${line()}\x1b[K\n`);
      else if (lastDecile < 10) sink.write(`${line()}\n`);
    },
  };
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
