// Text from outside (display names, file names, typed messages) may carry control characters: a
// NUL is refused by PostgreSQL (so a retry could never succeed) and others garble logs and chats.
// They are taken out where text enters the core, from every adapter (chat, web page, CLI).

// C0 controls except tab, line feed and carriage return, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional controls (LRM/RLM, the embeddings and overrides U+202A–U+202E, the isolates
// U+2066–U+2069, the Arabic letter mark): a right-to-left override in a name shows the rest of a
// line reversed — "‮3pm.exe" — on the dashboard, in alerts and in file names. Letters of
// right-to-left scripts need none of them to show right.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Names are one line: tabs and line breaks become spaces.
const LINE_BREAKS = /[\t\n\r]+/g;

/** Typed text: control characters out, line breaks kept. */
export function cleanText(s: string): string {
  return s.replace(CONTROL, '').replace(BIDI, '');
}

/** A name (person, file): one line, no control characters, trimmed. */
export function cleanName(s: string): string {
  return s.replace(CONTROL, '').replace(BIDI, '').replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}
