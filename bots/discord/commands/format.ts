// /format: the delivery format, one of the formats artists are offered (the core's /format dialog).
import { coreCommand } from '../chat.js';
import { t } from '../../../core/texts.js';
import { deliveryFormats } from '../../../engine/formats.js';

const formats = deliveryFormats.join(', ');
export const command = coreCommand('format', t('discord-cmd-format', { formats }), {
  name: 'format',
  description: t('discord-cmd-format-format', { formats }),
});
