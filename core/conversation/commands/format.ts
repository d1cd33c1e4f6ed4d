// /format: the format finished files come in (asks with buttons, or takes it typed after the command).
import { deliveryFormats } from '../../../engine/formats.js';
import { t } from '../../texts.js';
import { formatInWords } from '../../files/format-words.js';
import type { ChatCommand } from './types.js';

const formats = () => deliveryFormats.join(', ');

export const format: ChatCommand = {
  name: 'format',
  usage: () => t('usage-format'),
  help: () => t('help-format', { formats: formats() }),
  menu: () => t('telegram-menu-format'),
  discord: {
    description: () => t('discord-cmd-format', { formats: formats() }),
    option: { name: 'format', description: () => t('discord-cmd-format-format', { formats: formats() }) },
  },
  async run({ args, studio, client, startFlow }) {
    if (!args) return startFlow('format');
    const updated = await studio.clients.setDeliveryFormat(client.id, args);
    return [{ text: t('format-set', { format: formatInWords(updated.deliveryFormat) }) }];
  },
};
