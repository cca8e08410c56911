import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';

type ScreenModule = typeof import('./InteractionScreen.tsx');

let loaded: ScreenModule | null = null;
let loading: Promise<ScreenModule> | null = null;

/** Loads the interaction screen's code (thread, composer, emoji, canned responses) once. */
export function loadInteractionScreen(): Promise<ScreenModule> {
  loading ??= import('./InteractionScreen.tsx').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null; // the next opening tries again
      throw err;
    },
  );
  return loading;
}

/**
 * The interaction screen, kept out of the sidebar's first load so the inbox shows sooner: its code
 * comes when an interaction is first opened, or a moment after the inbox is on screen.
 */
export function LazyInteractionScreen(props: ComponentProps<ScreenModule['InteractionScreen']>) {
  const [, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (!loaded) void loadInteractionScreen().then(() => setReady(true));
  }, []);
  if (!loaded) return <p class="muted">{t('loading')}</p>;
  const { InteractionScreen } = loaded;
  return <InteractionScreen {...props} />;
}
