/**
 * Reading what a cell threw, whatever it is. A cell may throw anything: an Error whose
 * `message`, `name`, `stack` or `toString` is a getter that throws, an object with a null
 * prototype (String() throws), a Proxy whose traps throw, a revoked Proxy (every operation on it
 * throws, `instanceof` included), an Error carrying a 50-million-character message. Whatever it
 * is, the kernel must still report something readable and end the cell with `done`, so every
 * read here is guarded and every text capped before it leaves the worker.
 */

/** At most this many characters of an error's name, message, source line and stack leave the worker. */
export const ERROR_CAPS = { name: 200, message: 10_000, sourceLine: 1_000, stack: 50_000 } as const;

/** `text` cut to `max` characters, saying how much was left out. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters left out)`;
}

/** `value instanceof type`, false when asking throws (a revoked Proxy, a throwing getPrototypeOf trap). */
export function isInstance(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/** A string for any value; never throws (String() does for null-prototype objects, revoked Proxies, throwing toString). */
export function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '(a value that cannot be shown)';
    }
  }
}

function read(value: object, key: 'name' | 'message' | 'stack'): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: (value as Record<string, unknown>)[key] };
  } catch (error) {
    return { ok: false, error };
  }
}

export interface ThrownValue {
  name: string;
  message: string;
  /** The stack text when there is one (capped), for finding the cell's line. */
  stack: string | undefined;
}

/**
 * The name, message and stack of a thrown value, as strings, capped. An Error keeps its own; any
 * other value is an 'Error' whose message is the value as a string (what String(value) gives).
 */
export function readThrown(thrown: unknown): ThrownValue {
  if (!isInstance(thrown, Error)) {
    return { name: 'Error', message: capText(safeString(thrown), ERROR_CAPS.message), stack: undefined };
  }
  const error = thrown as Error;
  const name = read(error, 'name');
  const message = read(error, 'message');
  const stack = read(error, 'stack');
  const nameText = name.ok ? safeString(name.value) : 'Error';
  const messageText = message.ok ? safeString(message.value) : `(its message could not be read: ${safeString(readThrown(message.error).message)})`;
  return {
    name: capText(nameText || 'Error', ERROR_CAPS.name),
    message: capText(messageText, ERROR_CAPS.message),
    stack: stack.ok && typeof stack.value === 'string' ? stack.value.slice(0, ERROR_CAPS.stack) : undefined,
  };
}
