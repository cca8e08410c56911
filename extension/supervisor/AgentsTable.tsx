import type { CampaignBoard } from '../../shared/api/supervisor.ts';
import { t } from '../ui/i18n.ts';
import { AgentRow } from './AgentRow.tsx';
import type { AgentActionsModel } from './agent-actions-model.ts';
import type { DrillModel } from './drill-model.ts';
import type { SpyModel } from './spy-model.ts';

/** The campaign's members, by name. */
export function AgentsTable(props: {
  board: CampaignBoard;
  now: number;
  drill: DrillModel;
  actions: AgentActionsModel;
  spy: SpyModel;
}) {
  const id = `agents-${props.board.campaign.id}`;
  return (
    <section class="board-section" aria-labelledby={id}>
      <h3 id={id}>
        {t('agentsTitle')} <span class="badge">{props.board.agents.length}</span>
      </h3>
      {props.board.agents.length === 0 ? (
        <p class="muted">{t('noAgentsInCampaign')}</p>
      ) : (
        <div class="table-scroll">
          <table class="board-table" data-testid="agents-table">
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr-only">{t('statusIcon')}</span>
                </th>
                <th scope="col">{t('openWork')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('agent')}</th>
                <th scope="col">{t('completedToday')}</th>
                <th scope="col">{t('timeInStatus')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.board.agents.map((a) => (
                <AgentRow key={a.agentId} agent={a} {...props} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
