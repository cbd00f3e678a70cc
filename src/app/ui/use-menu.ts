/**
 * A popup menu's behaviour (WAI-ARIA menu button pattern): opening focuses the first item, arrow
 * keys, Home and End move between items, Escape closes and returns focus to the button, Tab
 * closes and moves on from the button, and a press outside closes it. Disabled items stay
 * focusable (aria-disabled) so that a screen reader can reach them and read why.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const ITEMS = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

export function useMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  /** Closes the menu; focus goes back to its button (an activated item is about to unmount). */
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  const onMenuKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const items = [...(menu.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
      const at = items.indexOf(document.activeElement as HTMLElement);
      const move = (i: number) => {
        e.preventDefault();
        items[(i + items.length) % items.length]?.focus();
      };
      switch (e.key) {
        case 'ArrowDown':
          return move(at + 1);
        case 'ArrowUp':
          return move(at - 1);
        case 'Home':
          return move(0);
        case 'End':
          return move(items.length - 1);
        case 'Escape':
          e.preventDefault();
          return close();
        case 'Tab':
          // Focus back on the button first: the browser's Tab then moves on from there, in page order.
          return close();
      }
    },
    [close],
  );

  return { open, setOpen, close, button, menu, onMenuKeyDown };
}
