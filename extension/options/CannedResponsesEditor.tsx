import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { CannedResponseRow } from './CannedResponseRow.tsx';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';

/** The campaign's canned responses, in the order agents see them; add, edit in place, move, remove. */
export function CannedResponsesEditor({ form }: { form: CampaignFormModel }) {
  const list = form.state.value.cannedResponses;
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const add = () => {
    const added = form.addResponse(title, text);
    setIncomplete(!added);
    if (added) {
      setTitle('');
      setText('');
    }
  };
  return (
    <fieldset class="stack">
      <legend>{t('cannedResponses')}</legend>
      {list.length === 0 ? (
        <p class="muted">{t('noCannedResponses')}</p>
      ) : (
        <ol class="stack plain">
          {list.map((r, i) => (
            <CannedResponseRow key={r.id} form={form} response={r} index={i} count={list.length} />
          ))}
        </ol>
      )}
      <FieldError slot="body.cannedResponses" messages={form.messagesAt('body.cannedResponses')} />
      <div class="row new-response">
        <label>
          {t('newResponseTitle')}
          <input
            value={title}
            maxLength={80}
            onInput={(e) => setTitle(e.currentTarget.value)}
            // Enter here adds the response; it must not submit (save) the whole campaign.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <label class="grow">
          {t('newResponseText')}
          <textarea rows={2} maxLength={2_000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="button" class="secondary" onClick={add}>
          {t('addResponse')}
        </button>
      </div>
      {incomplete && (
        <p class="error small" role="alert">
          {t('addResponseIncomplete')}
        </p>
      )}
    </fieldset>
  );
}
