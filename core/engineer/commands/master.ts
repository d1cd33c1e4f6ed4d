// /master: run or re-run the engine on a booking's mix with chosen settings (a new version).
import { t } from '../../texts.js';
import { isPreset, presetChoice, presetIds } from '../../../engine/presets.js';
import { bookingArg, num, optional, text, type DeskCommand } from './types.js';

export const master: DeskCommand = {
  name: 'master',
  description: () => t('discord-cmd-master'),
  args: [
    bookingArg,
    {
      name: 'preset',
      type: 'string',
      description: () => t('discord-cmd-master-preset'),
      choices: () => presetIds.map((p) => ({ name: presetChoice(p), value: p })),
    },
    { name: 'target', type: 'number', min: -30, max: -5, description: () => t('discord-cmd-master-target') },
    { name: 'ceiling', type: 'number', min: -10, max: 0, description: () => t('discord-cmd-master-ceiling') },
    { name: 'intensity', type: 'number', min: 0, max: 1, description: () => t('discord-cmd-master-intensity') },
  ],
  run(c) {
    const chosen = optional(c, 'preset');
    const settings = Object.fromEntries(
      Object.entries({ targetLufs: num(c, 'target'), ceilingDbtp: num(c, 'ceiling'), intensity: num(c, 'intensity') }).filter(([, v]) => v !== undefined),
    );
    return c.studio.desk.master(text(c, 'reference'), settings, chosen !== undefined && isPreset(chosen) ? chosen : undefined);
  },
};
