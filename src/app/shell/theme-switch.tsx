/** System / light / dark; the choice is remembered. */
import { choosePreference, useTheme } from '../theme/theme-store';
import type { ThemePreference } from '../theme/theme';

export function ThemeSwitch() {
  const { preference } = useTheme();
  return (
    <label className="theme-switch">
      <span className="theme-switch-label" id="theme-switch-label">
        Theme
      </span>
      <select aria-labelledby="theme-switch-label" value={preference} onChange={(e) => choosePreference(e.target.value as ThemePreference)} data-testid="theme">
        <option value="system">Auto</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
