import type { Campaign } from '../../shared/api/campaigns.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { t } from '../ui/i18n.ts';
import { TokenBadge } from '../ui/TokenBadge.tsx';
import type { CampaignsModel } from './campaigns-model.ts';

/**
 * One campaign. A click anywhere but on its buttons opens it: a mouse shortcut for the Edit button,
 * which is the keyboard's way in.
 */
export function CampaignRow({ campaign: c, model }: { campaign: Campaign; model: CampaignsModel }) {
  const open = () => model.openEdit(c.id);
  return (
    <tr
      data-testid="campaign-row"
      data-campaign-id={c.id}
      data-name={c.name}
      class="clickable"
      onClick={(e) => {
        if (!(e.target as Element).closest('button, a, input, select, textarea')) open();
      }}
    >
      <td class="user-text">{c.name}</td>
      <td class="user-text">{c.pageName}</td>
      <td>
        <span class="channel">
          <ChannelIcon channel={c.channel} /> {t(`channel_${c.channel}`)}
        </span>
      </td>
      <td title={t(`strategy_${c.strategy}`)}>{c.strategy}</td>
      <td>
        <span class={c.enabled ? 'badge' : 'badge off'}>
          {c.enabled ? t('campaignEnabled') : t('campaignDisabled')}
        </span>
      </td>
      <td>
        <span class={c.openNow ? 'badge' : 'badge closed'}>
          {c.schedule.length === 0 ? t('alwaysOpen') : c.openNow ? t('openNow') : t('closedHours')}
        </span>
      </td>
      <td>{c.members.length}</td>
      <td>
        <div class="row nowrap">
          <TokenBadge page={{ health: c.pageHealth, healthReason: c.pageHealthReason }} />
          <button
            type="button"
            class="secondary icon"
            aria-label={t('checkTokenOf', c.pageName)}
            title={t('checkToken')}
            disabled={model.checking.value === c.pageId}
            onClick={() => model.checkPage(c.pageId)}
          >
            ⟳
          </button>
        </div>
        {c.pageHealth === 'invalid' && c.pageHealthReason && (
          <div class="error small">{c.pageHealthReason}</div>
        )}
      </td>
      <td>
        <button type="button" class="secondary" aria-label={t('editCampaignOf', c.name)} onClick={open}>
          {t('edit')}
        </button>
      </td>
    </tr>
  );
}
