import type { TranscriptMessage } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';
import { httpUrl } from '../ui/safe-url.ts';

const PICTURES = new Set(['image', 'sticker', 'animated_image']);

/**
 * A message's attachments: pictures inline, anything else as a link. Only http(s) URLs reach the
 * DOM, and links open without giving the new page a handle on this one.
 */
export function MessageAttachments({
  attachments,
  from,
}: {
  attachments: TranscriptMessage['attachments'];
  from: string;
}) {
  if (attachments.length === 0) return null;
  return (
    <div class="attachments">
      {attachments.map((a, i) => {
        const url = httpUrl(a.url);
        const key = `${i}-${a.type}`;
        if (url && PICTURES.has(a.type))
          return (
            <a key={key} href={url} target="_blank" rel="noopener noreferrer">
              <img
                class="attachment-image"
                src={url}
                alt={t('imageFrom', from)}
                loading="lazy"
                referrerpolicy="no-referrer"
              />
            </a>
          );
        if (url)
          return (
            <a key={key} href={url} target="_blank" rel="noopener noreferrer" class="attachment-link">
              {t('attachmentOfType', a.type)}
            </a>
          );
        return (
          <span key={key} class="muted small">
            {t('attachmentUnavailable', a.type)}
          </span>
        );
      })}
    </div>
  );
}
