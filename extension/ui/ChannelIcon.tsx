import type { Channel } from '../../shared/api/campaigns.ts';

/**
 * A small picture of the channel beside its name, which is what screen readers read. Drawn in SVG:
 * emoji fonts are missing on some desktops.
 */
export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg class="channel-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {channel === 'facebook' ? (
        // A comment bubble: comments under the Page's posts.
        <path
          d="M2 2.5h12v8.5H6.5L3.5 14v-3H2z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linejoin="round"
        />
      ) : (
        // Messenger's round bubble with its lightning stroke.
        <path
          d="M8 1.5c-3.6 0-6.5 2.7-6.5 6.1 0 1.9.9 3.6 2.4 4.7v2.2l2.2-1.2c.6.2 1.2.3 1.9.3 3.6 0 6.5-2.7 6.5-6S11.6 1.5 8 1.5zm.7 8.2L7 7.9 3.8 9.7l3.5-3.7L9 7.8l3.2-1.8z"
          fill="currentColor"
        />
      )}
    </svg>
  );
}
