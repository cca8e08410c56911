import type { ViewerView } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';

/** "Maria (supervisor)" — agents by name alone, the others with their role. */
const who = (v: ViewerView) =>
  v.role === 'agent' ? v.name : t('viewerWithRole', [v.name, t(`viewerRole_${v.role}`)]);

/** Collision control: who else is looking at or typing in this interaction right now. */
export function ViewersNotice({ others }: { others: ViewerView[] }) {
  return (
    <div role="status" class="viewers" data-testid="viewers">
      {others.map((v) => (
        <p key={v.userId} class={`viewer ${v.activity}`}>
          {t(v.activity === 'replying' ? 'viewerReplying' : 'viewerViewing', who(v))}
        </p>
      ))}
    </div>
  );
}
