import { htmlPage } from './html.ts';

/**
 * `GET /_sandbox/customer`: a demo page where a person plays a customer of a Page: reads its
 * posts, comments (and replies), writes to it in Messenger, and sees the Page's public replies and
 * Messenger answers appear (polling every 2 s). Vanilla JS over the control API; every piece of
 * user text goes in with textContent, never innerHTML.
 */
export function customerPage(): string {
  return htmlPage('Sandbox customer', BODY, `<style>${STYLE}</style>`);
}

const STYLE = `
  main { display: grid; grid-template-columns: 1fr 360px; gap: 16px; max-width: 1100px; margin: 16px auto; padding: 0 12px; }
  section { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); padding: 12px 16px; margin-bottom: 12px; }
  header.bar { max-width: 1100px; margin: 12px auto 0; padding: 0 12px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  input[type=text], textarea, select { font: inherit; padding: 6px 8px; border: 1px solid #ccd0d5; border-radius: 6px; }
  textarea { width: 100%; box-sizing: border-box; }
  .post-message { white-space: pre-wrap; margin: 4px 0 8px; }
  .comment { border-left: 3px solid #e4e6eb; padding: 4px 8px; margin: 6px 0; }
  .comment.page { border-color: #1877f2; background: #f0f6ff; }
  .replies { margin-left: 20px; }
  .who { font-weight: 600; }
  .meta { color: #65676b; font-size: 12px; }
  .row { display: flex; gap: 6px; margin-top: 6px; }
  .row input[type=text] { flex: 1; }
  .bubble { max-width: 80%; padding: 6px 10px; border-radius: 14px; margin: 4px 0; white-space: pre-wrap; }
  .bubble.customer { background: #0084ff; color: #fff; margin-left: auto; }
  .bubble.page { background: #e4e6eb; }
  .thread { display: flex; flex-direction: column; max-height: 420px; overflow-y: auto; }
  .link { background: none; color: #1877f2; padding: 0 4px; font-size: 12px; }
`;

const BODY = `
<header class="bar">
  <label>Page <select id="page"></select></label>
  <label>You are <input id="name" type="text" placeholder="Your name" value="Alex Customer"></label>
  <span class="meta" id="status"></span>
</header>
<main>
  <div>
    <section>
      <h1>Posts</h1>
      <p class="meta">Post as the Page (demo shortcut):</p>
      <div class="row"><input id="new-post" type="text" placeholder="Write a post as the Page"><button class="secondary" id="publish">Publish</button></div>
    </section>
    <div id="posts"></div>
  </div>
  <div>
    <section>
      <h1>Messenger</h1>
      <div class="thread" id="thread"></div>
      <div class="row"><input id="dm" type="text" placeholder="Message the Page"><button class="primary" id="send">Send</button></div>
    </section>
  </div>
</main>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const api = async (method, path, body) => {
    const res = await fetch('/_sandbox' + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json();
    if (!res.ok) throw new Error((data.error && data.error.message) || res.statusText);
    return data;
  };
  const state = { pageId: localStorage.getItem('sandbox.page') || '', replyTo: null, last: '' };
  const nameInput = $('name');
  nameInput.value = localStorage.getItem('sandbox.name') || nameInput.value;
  nameInput.addEventListener('change', () => { localStorage.setItem('sandbox.name', nameInput.value); refresh(); });
  const psidKey = () => 'sandbox.psid.' + state.pageId + '.' + nameInput.value;
  const say = (text) => { $('status').textContent = text; };

  async function loadPages() {
    const pages = await api('GET', '/pages');
    const select = $('page');
    select.replaceChildren();
    for (const p of pages) { const o = el('option', '', p.name); o.value = p.id; select.append(o); }
    if (!pages.some((p) => p.id === state.pageId)) state.pageId = pages.length ? pages[0].id : '';
    select.value = state.pageId;
    if (!pages.length) say('No Page yet: create one with POST /_sandbox/pages.');
  }
  $('page').addEventListener('change', (e) => { state.pageId = e.target.value; localStorage.setItem('sandbox.page', state.pageId); refresh(); });

  function renderComment(c) {
    const box = el('div', 'comment' + (c.from.isPage ? ' page' : ''));
    const head = el('div');
    head.append(el('span', 'who', c.from.name), el('span', 'meta', ' ' + c.createdTime + (c.edited ? ' (edited)' : '') + (c.hidden ? ' (hidden by the Page)' : '')));
    box.append(head, el('div', '', c.message));
    if (c.photoUrl) box.append(el('div', 'meta', '[photo] ' + c.photoUrl));
    if (!c.from.isPage) {
      const reply = el('button', 'link', 'Reply');
      reply.addEventListener('click', () => { state.replyTo = c.id; say('Replying to ' + c.from.name + ': type below the post.'); });
      box.append(reply);
    }
    if (c.replies && c.replies.length) { const r = el('div', 'replies'); for (const x of c.replies) r.append(renderComment(x)); box.append(r); }
    return box;
  }

  function renderPosts(inbox) {
    const list = $('posts');
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.post : undefined;
    const drafts = {};
    for (const input of list.querySelectorAll('input[data-post]')) drafts[input.dataset.post] = input.value;
    list.replaceChildren();
    for (const post of inbox.posts) {
      const s = el('section');
      s.append(el('div', 'who', inbox.page.name), el('div', 'meta', post.createdTime), el('div', 'post-message', post.message));
      if (post.photoUrl) s.append(el('div', 'meta', '[photo] ' + post.photoUrl));
      for (const c of post.comments) s.append(renderComment(c));
      const row = el('div', 'row');
      const input = el('input'); input.type = 'text'; input.placeholder = 'Write a comment'; input.dataset.post = post.id; input.value = drafts[post.id] || '';
      const button = el('button', 'primary', 'Comment');
      const submit = async () => {
        if (!input.value.trim()) return;
        const body = { customer: { name: nameInput.value }, message: input.value };
        if (state.replyTo) body.parentId = state.replyTo;
        try { await api('POST', '/posts/' + post.id + '/comments', body); input.value = ''; state.replyTo = null; say(''); await refresh(); } catch (e) { say(e.message); }
      };
      button.addEventListener('click', submit);
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') submit(); });
      row.append(input, button);
      s.append(row);
      list.append(s);
      if (focused === post.id) input.focus();
    }
    if (!inbox.posts.length) { const s = el('section'); s.append(el('p', 'meta', 'This Page has no posts yet.')); list.append(s); }
  }

  function renderThread(inbox) {
    const psid = localStorage.getItem(psidKey());
    const conv = inbox.conversations.find((c) => (psid ? c.psid === psid : c.customer && c.customer.name === nameInput.value));
    const thread = $('thread');
    thread.replaceChildren();
    if (!conv) { thread.append(el('p', 'meta', 'No messages yet.')); return; }
    for (const m of conv.messages) {
      const text = m.text !== null ? m.text : m.attachments.map((a) => '[' + a.type + '] ' + (a.url || '')).join('\\n');
      thread.append(el('div', 'bubble ' + m.from, text));
    }
    thread.scrollTop = thread.scrollHeight;
  }

  async function refresh() {
    if (!state.pageId) return;
    try {
      const inbox = await api('GET', '/pages/' + state.pageId + '/inbox');
      // Re-render only on change, so polling does not disturb someone typing a comment.
      const key = JSON.stringify(inbox) + nameInput.value;
      if (key === state.last) return;
      state.last = key;
      renderPosts(inbox); renderThread(inbox);
    }
    catch (e) { say(e.message); }
  }

  async function send() {
    const input = $('dm');
    if (!input.value.trim() || !state.pageId) return;
    const customer = { name: nameInput.value };
    const psid = localStorage.getItem(psidKey());
    if (psid) customer.psid = psid;
    try {
      const res = await api('POST', '/pages/' + state.pageId + '/messages', { customer, text: input.value });
      localStorage.setItem(psidKey(), res.psid);
      input.value = ''; say(''); await refresh();
    } catch (e) { say(e.message); }
  }
  $('send').addEventListener('click', send);
  $('dm').addEventListener('keydown', (e) => { if (e.key === 'Enter') send(); });
  $('publish').addEventListener('click', async () => {
    const input = $('new-post');
    if (!input.value.trim() || !state.pageId) return;
    try { await api('POST', '/pages/' + state.pageId + '/posts', { message: input.value }); input.value = ''; await refresh(); } catch (e) { say(e.message); }
  });

  loadPages().then(refresh);
  setInterval(refresh, 2000);
})();
</script>
`;
