// An engineer's command as it is typed where the words are read, for the alerts that name one:
// `/session end reference:MD-… deliver:newest` in Discord, `mixdesk desk session end MD-… --deliver
// newest` everywhere else (the terminal: a Telegram or console engineer chat has no engineer
// commands of its own). Kept apart from the command registry, which the core's services are
// imported by; tests/unit/desk-line.test.ts checks every line written here parses as the registry says.

type Value = string | number;

/** `name`: the action ("session end"); `required`: its required arguments in order; `options`: the optional ones. */
export function deskLine(platform: string, name: string, required: Record<string, Value>, options: Record<string, Value> = {}): string {
  if (platform === 'discord') return [`/${name}`, ...Object.entries({ ...required, ...options }).map(([k, v]) => `${k}:${v}`)].join(' ');
  return ['mixdesk desk', name, ...Object.values(required).map(String), ...Object.entries(options).map(([k, v]) => `--${k} ${v}`)].join(' ');
}
