/** The outcome of every input check: the normalized value, or a stable code and a message for the teller. */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function checkOk<T>(value: T): CheckResult<T> {
  return { ok: true, value };
}

export function checkFail<T>(code: string, message: string): CheckResult<T> {
  return { ok: false, code, message };
}
