// The form every signed link of the studio takes: "<payload>.<signature>", the signature an
// HMAC-SHA256 of "<purpose>.<payload>" with the link secret (the purpose keeps a token made for one
// kind of link from opening another). Nothing to look up: any instance sharing the secret checks it.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN = /^([\w-]+)\.([\w-]+)$/;

export interface SignedTokens {
  /** The payload with its signature. */
  token(payload: string): string;
  /** The payload a token carries, or null when it is forged or damaged (or not of `shape`). */
  payloadOf(token: string, shape?: RegExp): string | null;
}

export function signedTokens(s: { secret: string }, purpose: string): SignedTokens {
  const sign = (payload: string) => createHmac('sha256', s.secret).update(`${purpose}.${payload}`).digest('base64url');
  return {
    token: (payload) => `${payload}.${sign(payload)}`,
    payloadOf(token, shape = TOKEN) {
      const m = shape.exec(token);
      if (!m) return null;
      const expected = Buffer.from(sign(m[1]!));
      const given = Buffer.from(m[2]!);
      return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
    },
  };
}
