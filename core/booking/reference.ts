// A booking's reference as people type or paste it: "MD-7K2Q9A", in any case.
const WORD = 'MD-[2-9A-Z]{6}';
const WHOLE = new RegExp(`^${WORD}$`, 'i');
const INSIDE = new RegExp(`\\b${WORD}\\b`, 'i');

/** The word is a booking reference (nothing else around it). */
export const isReference = (word: string): boolean => WHOLE.test(word);

/** The first booking reference in free text (a caption, a typed answer), upper-cased; undefined when there is none. */
export const referenceIn = (text: string): string | undefined => INSIDE.exec(text)?.[0]?.toUpperCase();
