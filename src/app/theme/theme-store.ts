/** The reader's theme preference and the theme in force, shared by the page and the charts/editors. */
import { useSyncExternalStore } from 'react';
import { Store } from '../run/store';
import { applyTheme, readThemePreference, resolveTheme, saveThemePreference, systemPrefersDark, type Theme, type ThemePreference } from './theme';

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
}

const initialPreference = readThemePreference();
export const themeStore = new Store<ThemeState>({ preference: initialPreference, theme: resolveTheme(initialPreference, systemPrefersDark()) });

/** Applies the theme now and follows the system while the preference is 'system'. */
export function startTheme(): void {
  applyTheme(themeStore.get().theme);
  if (typeof matchMedia !== 'function') return;
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    const { preference } = themeStore.get();
    if (preference === 'system') setTheme(preference, e.matches);
  });
}

export function choosePreference(preference: ThemePreference): void {
  saveThemePreference(preference);
  setTheme(preference, systemPrefersDark());
}

function setTheme(preference: ThemePreference, systemDark: boolean): void {
  const theme = resolveTheme(preference, systemDark);
  applyTheme(theme);
  themeStore.set({ preference, theme });
}

export function useTheme(): ThemeState {
  return useSyncExternalStore(themeStore.subscribe, themeStore.get);
}
