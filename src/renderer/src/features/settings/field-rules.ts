import { settingsSchema, type Settings } from '../../../../shared/contract';

type NumberKey = 'inactivityMinutes' | 'monitorIntervalSeconds';

/** The contract's bounds for a number setting, so the field and core keep one rule. */
function bounds(key: NumberKey): { min: number; max: number } {
  const field = settingsSchema.shape[key].unwrap();
  return { min: field.minValue ?? 1, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const unit: Record<NumberKey, string> = {
  inactivityMinutes: 'minutes',
  monitorIntervalSeconds: 'seconds',
};

/**
 * What is wrong with one field's value, in words, or null. Checked with the contract's own
 * schema for that field, so the page never accepts what core would refuse.
 */
export function fieldError<K extends keyof Settings>(key: K, value: Settings[K]): string | null {
  if (settingsSchema.shape[key].safeParse(value).success) return null;
  const k: keyof Settings = key;
  switch (k) {
    case 'inactivityMinutes':
    case 'monitorIntervalSeconds': {
      const { min, max } = bounds(k);
      return `Enter a whole number of ${unit[k]} from ${min} to ${max.toLocaleString('en-GB')}.`;
    }
    case 'botName':
      return 'Give the bot a name, up to 80 characters.';
    case 'mailFrom':
      return 'Enter one sender address: leadwatch@example.com or Leadwatch <leadwatch@example.com>.';
    case 'reportRecipients': {
      const bad = (value as string[]).filter(
        (r) => !settingsSchema.shape.reportRecipients.safeParse([r]).success,
      );
      return bad.length
        ? `Not an e-mail address: ${bad.join(', ')}. Enter one plain address each.`
        : 'Up to 50 recipients.';
    }
    default:
      return 'This value cannot be saved.';
  }
}

export function formErrors<K extends keyof Settings>(
  draft: Pick<Settings, K>,
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(draft) as K[]) {
    const error = fieldError(key, draft[key]);
    if (error) errors[key] = error;
  }
  return errors;
}
