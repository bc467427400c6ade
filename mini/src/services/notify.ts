import Taro from '@tarojs/taro';

// A new alert should be noticed by an officer who is not looking at the screen. Each platform
// offers something different, and none of it may ever break the page: a browser without
// vibration, an audio context the browser keeps suspended until a tap, WeChat in silent mode.

interface AudioContextLike {
  state: string;
  currentTime: number;
  destination: unknown;
  resume(): Promise<void>;
  createOscillator(): { type: string; frequency: { value: number }; connect(node: unknown): unknown; start(at?: number): void; stop(at?: number): void };
  createGain(): { gain: { setValueAtTime(v: number, t: number): void; exponentialRampToValueAtTime(v: number, t: number): void }; connect(node: unknown): unknown };
}

let audio: AudioContextLike | null | undefined;

function audioContext(): AudioContextLike | null {
  if (audio !== undefined) return audio;
  audio = null;
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return audio;
  const w = window as unknown as { AudioContext?: new () => AudioContextLike; webkitAudioContext?: new () => AudioContextLike };
  const Context = w.AudioContext ?? w.webkitAudioContext;
  try {
    audio = Context ? new Context() : null;
  } catch {
    audio = null;
  }
  return audio;
}

/** Two short tones, where the browser lets the page make a sound. */
function beep(): void {
  const ctx = audioContext();
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    const start = ctx.currentTime;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.35);
    for (const [offset, hz] of [[0, 880], [0.18, 1175]] as const) {
      const osc = ctx.createOscillator();
      osc.type = 'sine';
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(start + offset);
      osc.stop(start + offset + 0.15);
    }
  } catch {
    // No sound then; the highlighted row still shows the alert.
  }
}

function vibrate(): void {
  try {
    const result = Taro.vibrateShort?.({ type: 'heavy' }) as Promise<unknown> | undefined;
    result?.catch?.(() => undefined);
  } catch {
    // Not supported here.
  }
}

/** Vibration and a beep for a new alert; silently nothing where the device allows neither. */
export function announceNewAlert(): void {
  vibrate();
  beep();
}

/** Browsers allow sound only after a user gesture: call this from a tap to unlock it early. */
export function primeAlertSound(): void {
  const ctx = audioContext();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}
