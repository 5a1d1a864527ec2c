import type { Input } from 'electron';

/**
 * Keys that would let a passer-by leave the kiosk page or reach browser tools. The
 * application menu is removed too (no accelerators); this is the second line. OS-level keys
 * (Ctrl+Alt+Del, Alt+Tab, a window manager's own Alt+F4) never reach Electron: lock those in
 * the OS kiosk setup.
 */
export function isEscapeShortcut(
  input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;
  if (key === 'F5' || key === 'F11' || key === 'F12') return true; // reload, fullscreen, devtools
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh') return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home'))
    return true; // close, history back / forward, home page
  if (mod && input.shift && ['i', 'j', 'c', 'r', 'delete'].includes(key)) return true; // devtools, hard reload
  if (mod && ['r', 'w', 'q', 'p', 'o', 's', 'n', 't', 'l', 'u', 'f', 'g', 'h', 'j'].includes(key))
    return true; // reload, close, quit, print, open, save, new window / tab, address, source, find
  if (mod && ['+', '=', '-', '0'].includes(key)) return true; // zoom
  return false;
}
