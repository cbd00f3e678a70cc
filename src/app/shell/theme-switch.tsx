/** System / light / dark; the choice is remembered. */
import { choosePreference, useTheme } from '../theme/theme-store';
import type { ThemePreference } from '../theme/theme';
import { useMessages } from '../i18n/messages';

export function ThemeSwitch() {
  const { preference } = useTheme();
  const m = useMessages();
  return (
    <label className="theme-switch">
      <span className="theme-switch-label" id="theme-switch-label">
        {m.theme.label}
      </span>
      <select aria-labelledby="theme-switch-label" value={preference} onChange={(e) => choosePreference(e.target.value as ThemePreference)} data-testid="theme">
        <option value="system">{m.theme.system}</option>
        <option value="light">{m.theme.light}</option>
        <option value="dark">{m.theme.dark}</option>
      </select>
    </label>
  );
}
