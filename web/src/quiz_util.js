// Quiz helpers without DOM state: seeded shuffles and output comparison.

/** 32-bit FNV-1a hash of a string: the seed for one question's shuffle. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small PRNG, so an attempt's order is the same after a reload. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Indices 0..n-1 shuffled by the seed (Fisher-Yates). With avoidIdentity the
 * result is never the original order (for order-by-growth, n > 1).
 */
export function shuffledIndices(n, seedText, { avoidIdentity = false } = {}) {
  const random = prng(hashString(seedText));
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (avoidIdentity && n > 1 && order.every((v, i) => v === i)) order.push(order.shift());
  return order;
}

/**
 * Output as compared: CRLF as LF, spaces and tabs at line ends removed, runs
 * of spaces collapsed to one, leading and trailing blank lines dropped.
 */
export function normaliseOutput(text) {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/[ \t]{2,}/g, ' '))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

/** Splits a title with `code` spans into [{code: bool, text}] (shown as text). */
export function titleParts(title) {
  return String(title).split('`').map((text, i) => ({ code: i % 2 === 1, text })).filter((p) => p.text);
}
