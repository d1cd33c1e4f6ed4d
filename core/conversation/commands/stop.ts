// /stop: leaves the dialog in progress, changing nothing.
import { t } from '../../texts.js';
import type { ChatCommand } from './types.js';

export const stop: ChatCommand = {
  name: 'stop',
  run: async ({ flow, stopDialog }) => (flow ? stopDialog(t('dialog-stopped', { flow })) : [{ text: t('nothing-to-stop') }]),
};
