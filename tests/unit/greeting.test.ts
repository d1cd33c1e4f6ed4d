// A hello is answered with the welcome (Discord has no /start: a conversation there begins with a
// message), in the language it was said in when the platform says nothing (a Discord DM has no locale).
import { describe, expect, it } from 'vitest';
import { greetingLanguage } from '../../core/conversation/engine.js';

describe('greetingLanguage', () => {
  it.each([
    ['Hello', 'en'],
    ['hi!', 'en'],
    ['Hey there', 'en'],
    ['good morning', 'en'],
    ['¡Hola!', 'es'],
    ['hola', 'es'],
    ['buenas tardes', 'es'],
    ['Buenos días', 'es'],
  ])('%s greets in %s', (text, language) => expect(greetingLanguage(text)).toBe(language));
  it.each(['hello, can I book a master for Friday?', 'I want to book', 'this is the hi-hat stem', 'hiss in the vocal', '/start', 'holaaa'])(
    '%s does not only greet',
    (text) => expect(greetingLanguage(text)).toBeNull(),
  );
});
