/** Health and severity badges: a word and a colour (the word carries the meaning; the colour only helps). */
import type { Health, Severity } from '../types.js';

const healthText: Record<Health, string> = {
  ok: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  'no-data': 'No data',
};

export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`badge badge-${health}`} data-testid="health">
      {healthText[health]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge badge-${severity}`}>{severity}</span>;
}
