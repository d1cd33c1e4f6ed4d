// A core reply as Discord messages: a link is a link button once, not also written under the text;
// links beyond the buttons' room are still written out.
import { expect, it } from 'vitest';
import { renderReply } from '../../bots/discord/render.js';
import type { ObjectStore } from '../../storage/object-store.js';

const noStore = {} as ObjectStore;

it('a link shown as a button is not repeated in the text; a sixth link (no room for its button) is written out', async () => {
  const join = { label: 'Join the session in SonoBus', url: 'https://go.sonobus.net/sblaunch?g=g1&p=p1' };
  const [one] = await renderReply({ text: 'Reminder: your session is in 24 hours.', links: [join] }, noStore);
  expect(one!.content).toBe('Reminder: your session is in 24 hours.');
  expect(one!.components.flatMap((r) => r.components)).toEqual([expect.objectContaining({ url: join.url, label: join.label })]);

  const many = Array.from({ length: 6 }, (_, i) => ({ label: `File ${i + 1}`, url: `https://studio.example/d/${i + 1}` }));
  const [all] = await renderReply({ text: 'Your files:', links: many }, noStore);
  expect(all!.components.flatMap((r) => r.components).map((c) => ('url' in c ? c.url : ''))).toEqual(many.slice(0, 5).map((l) => l.url));
  expect(all!.content).not.toContain('https://studio.example/d/1');
  expect(all!.content).toContain('https://studio.example/d/6');
});
