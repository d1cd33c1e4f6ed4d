// Text from outside (display names, file names, typed messages) may carry control characters: a
// NUL is refused by PostgreSQL (so a retry could never succeed) and others garble logs and chats.
// They are taken out where text enters the core.

// C0 controls except tab, line feed and carriage return, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Names are one line: tabs and line breaks become spaces.
const LINE_BREAKS = /[\t\n\r]+/g;

/** Typed text: control characters out, line breaks kept. */
export function cleanText(s: string): string {
  return s.replace(CONTROL, '');
}

/** A name (person, file): one line, no control characters, trimmed. */
export function cleanName(s: string): string {
  return s.replace(CONTROL, '').replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}
