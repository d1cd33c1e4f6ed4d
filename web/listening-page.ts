// The listening room's page: a player that compares any two of the mix and the versions at matched
// loudness (the louder turned down by the difference in measured integrated loudness, said on the
// page), keeping the position when switching; a loudness-over-time strip; each version's numbers,
// settings, report, files; approve or ask for changes. Works with a keyboard (space plays, A and B
// switch, arrows seek) and on a phone (one column, large targets).
import { html, raw } from 'hono/html';
import type { RoomTrack, RoomView } from '../core/listening/room.js';
import { currentLanguage, t } from '../core/texts.js';
import { quickAdjustments } from '../core/versions/revisions.js';
import { serviceName } from '../core/catalog.js';

/** JSON that is safe inside a <script> element (no "</script>" can close it early). */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:860px;margin:24px auto;padding:0 16px;color:#1d2329;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}.muted{color:#57606a}.card{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:14px 16px;margin:12px 0}
.player{display:grid;gap:10px}.sides{display:grid;grid-template-columns:1fr 1fr;gap:10px}.side{border:2px solid #d0d7de;border-radius:8px;padding:8px 10px}
.side[aria-pressed=true]{border-color:#2f7de1;background:#eef5ff}.side select{width:100%;font:inherit;padding:6px}.gain{font-size:14px;color:#57606a;min-height:1.5em}
button{font:inherit;padding:10px 16px;border-radius:8px;border:1px solid #2f7de1;background:#2f7de1;color:#fff;cursor:pointer;min-height:44px}button.quiet{background:#fff;color:#2f7de1}
button:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f2a93b;outline-offset:2px}.controls{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
input[type=range]{flex:1;min-width:160px}svg{width:100%;height:70px;background:#fff;border:1px solid #d0d7de;border-radius:6px}.ok{color:#1a7f37}.bad{color:#cf222e}
textarea{width:100%;box-sizing:border-box;font:inherit;min-height:80px;padding:8px}img{max-width:100%;border-radius:6px}ul{padding-left:20px;margin:6px 0}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}.chips label{border:1px solid #d0d7de;border-radius:16px;padding:4px 10px;background:#fff}
@media (max-width:560px){.sides{grid-template-columns:1fr}body{margin:12px auto}}`;

const fileUrl = (token: string, fileId: string) => `/listen/${token}/file/${fileId}`;

export function roomPage(o: { studio: string; token: string; view: RoomView; downloadUrl: (key: string, name: string) => string | undefined }) {
  const { view, token } = o;
  const b = view.booking;
  const tracks: (RoomTrack & { url: string; curve: { stepSec: number; before: number[]; after: number[] } | null })[] = [
    ...view.sources.map((s) => ({ ...s, url: fileUrl(token, s.fileId), curve: null })),
    ...view.versions.filter((v) => v.track).map((v) => ({ ...v.track!, url: fileUrl(token, v.track!.fileId), curve: v.curve })),
  ];
  const latest = view.versions.at(-1);
  const measured = tracks.map((x) => x.lufs).filter((x): x is number => x !== null);
  const data = {
    tracks,
    // Everything is played at the level of the quietest measured track.
    reference: measured.length ? Math.min(...measured) : null,
    a: 0,
    b: Math.max(0, tracks.length - 1),
    texts: {
      fair: t('web-room-fair', { db: '{db}' }),
      asIs: t('web-room-as-is'),
      unmeasured: t('web-room-unmeasured'),
      play: t('web-room-play'),
      pause: t('web-room-pause'),
      sending: t('web-room-sending'),
      approveSure: t('web-room-approve-sure', { version: '{version}' }),
      failed: t('web-failed'),
    },
  };
  const quick = quickAdjustments.filter((q) => q.id !== 'reference' && b.service.code === 'master');
  return html`<!doctype html>
    <html lang="${currentLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${t('web-room-title', { ref: b.reference })}</title>
        <style>
          ${raw(style)}
        </style>
      </head>
      <body>
        <h1>${t('web-room-heading', { studio: o.studio, ref: b.reference })}</h1>
        <p class="muted">${serviceName(b.service)} · ${t('web-room-private')}</p>
        <p id="standing">${t('booking-status', { status: view.standing.artist })}${view.standing.next ? html` · ${view.standing.next}` : ''}</p>
        ${
          tracks.length
            ? html`<section class="card player" aria-label="${t('web-room-player')}">
                <div class="sides">
                  <div class="side" id="side-a" aria-pressed="true">
                    <strong>A</strong>
                    <select id="pick-a" aria-label="${t('web-room-pick', { side: 'A' })}">
                      ${tracks.map((x, i) => html`<option value="${i}">${x.label}</option>`)}
                    </select>
                    <div class="gain" id="gain-a"></div>
                  </div>
                  <div class="side" id="side-b" aria-pressed="false">
                    <strong>B</strong>
                    <select id="pick-b" aria-label="${t('web-room-pick', { side: 'B' })}">
                      ${tracks.map((x, i) => html`<option value="${i}">${x.label}</option>`)}
                    </select>
                    <div class="gain" id="gain-b"></div>
                  </div>
                </div>
                <div class="controls">
                  <button id="play" type="button">${t('web-room-play')}</button>
                  <button id="to-a" type="button" class="quiet" aria-pressed="true">A</button>
                  <button id="to-b" type="button" class="quiet" aria-pressed="false">B</button>
                  <input id="seek" type="range" min="0" max="1000" value="0" aria-label="${t('web-room-position')}" /><span id="time" class="muted">0:00</span>
                </div>
                <svg id="strip" viewBox="0 0 1000 70" preserveAspectRatio="none" role="img" aria-label="${t('web-room-strip')}">
                  <polyline id="curve-before" fill="none" stroke="#afb8c1" stroke-width="2" />
                  <polyline id="curve-after" fill="none" stroke="#2f7de1" stroke-width="2" />
                  <line id="playhead" x1="0" x2="0" y1="0" y2="70" stroke="#cf222e" stroke-width="2" />
                </svg>
                <p class="muted">${t('web-room-keys')}</p>
                <audio id="audio-a" preload="auto"></audio><audio id="audio-b" preload="auto"></audio>
              </section>`
            : html`<p>${t('web-room-nothing-yet')}</p>`
        }
        <h2>${t('web-room-versions')}</h2>
        ${view.versions.map(
          (v) =>
            html`<article class="card" id="v${v.version}">
              <h3>
                ${t('room-version', { version: v.version })}${view.approved === v.version ? html` <span class="ok">· ${t('web-room-approved-mark')}</span>` : ''}
              </h3>
              <p>${v.summary}${v.source ? html`<br /><span class="muted">${t('web-room-made-from', { file: v.source })}</span>` : ''}</p>
              ${
                v.settings.length
                  ? html`<ul>
                      ${v.settings.map((s) => html`<li>${s}</li>`)}
                    </ul>`
                  : ''
              }
              ${v.report ? html`<img src="${fileUrl(token, v.report.id)}" alt="${t('room-report')}" loading="lazy" />` : ''}
              <p>
                ${v.files.map((f) => {
                  const url = o.downloadUrl(f.storageKey, f.fileName) ?? fileUrl(token, f.id);
                  return html`<a href="${url}" download="${f.fileName}">${f.label}: ${f.fileName}</a>
                    <span class="muted">(${(f.sizeBytes / 2 ** 20).toFixed(1)} MB)</span><br />`;
                })}
              </p>
              ${v.awaitsBalance ? html`<p class="muted">${t('web-room-after-balance')}</p>` : ''}
              ${view.canRevise ? html`<button type="button" class="approve" data-version="${v.version}">${t('web-room-approve', { version: v.version })}</button>` : ''}
            </article>`,
        )}
        ${
          view.canRevise && latest
            ? html`<h2>${t('web-room-changes')}</h2>
                <form class="card" id="changes">
                  <p class="muted">${view.freeLeft > 0 ? t('revise-free-left', { count: view.freeLeft }) : t('revise-paid-next', { price: view.price })}</p>
                  ${quick.length ? html`<div class="chips">${quick.map((q) => html`<label><input type="checkbox" name="quick" value="${q.label().toLowerCase()}" /> ${q.label()}</label>`)}</div>` : ''}
                  <textarea name="notes" aria-label="${t('web-room-notes')}" placeholder="${t('web-room-notes')}"></textarea>
                  ${
                    view.freeLeft === 0
                      ? html`<p>
                          <label><input type="checkbox" name="acceptPaid" value="yes" /> ${t('web-room-accept-price', { price: view.price })}</label>
                        </p>`
                      : ''
                  }
                  <button type="submit">${t('web-room-send-changes')}</button>
                </form>`
            : ''
        }
        <p id="said" role="status" aria-live="polite"></p>
        <script id="room-data" type="application/json">
          ${raw(scriptJson(data))}
        </script>
        <script>
          ${raw(playerScript(token))};
        </script>
      </body>
    </html>`;
}

function playerScript(token: string): string {
  return `
const data = JSON.parse(document.getElementById('room-data').textContent);
const $ = (id) => document.getElementById(id);
const els = { a: $('audio-a'), b: $('audio-b') };
const picks = { a: $('pick-a'), b: $('pick-b') };
let active = 'a';
const gainOf = (track) => (track.lufs === null || data.reference === null ? null : Math.min(0, data.reference - track.lufs));
function load(side, index) {
  const track = data.tracks[index];
  const el = els[side];
  if (!track || !el) return;
  const keep = els[active] ? els[active].currentTime : 0;
  el.src = track.url;
  const g = gainOf(track);
  el.volume = g === null ? 1 : Math.pow(10, g / 20);
  el.dataset.gainDb = g === null ? '' : g.toFixed(1);
  $('gain-' + side).textContent = g === null ? data.texts.unmeasured : g < -0.05 ? data.texts.fair.replace('{db}', g.toFixed(1).replace('-', '\\u2212')) : data.texts.asIs;
  el.addEventListener('loadedmetadata', () => { try { el.currentTime = keep; } catch (e) {} }, { once: true });
  if (side === 'b' || side === active) drawStrip();
}
function drawStrip() {
  const track = data.tracks[Number(picks.b.value)] || data.tracks[Number(picks.a.value)];
  const curve = track && track.curve;
  const line = (values) => values.map((v, i) => (i * 1000 / Math.max(1, values.length - 1)).toFixed(1) + ',' + (70 - Math.max(0, Math.min(70, (v + 50) * 1.6))).toFixed(1)).join(' ');
  $('curve-before').setAttribute('points', curve ? line(curve.before) : '');
  $('curve-after').setAttribute('points', curve ? line(curve.after) : '');
}
function show() {
  for (const side of ['a', 'b']) {
    $('side-' + side).setAttribute('aria-pressed', String(side === active));
    $('to-' + side).setAttribute('aria-pressed', String(side === active));
  }
  $('play').textContent = els[active].paused ? data.texts.play : data.texts.pause;
}
function switchTo(side) {
  if (side === active) return;
  const from = els[active], to = els[side];
  const playing = !from.paused;
  to.currentTime = from.currentTime;
  if (playing) { to.play(); from.pause(); }
  active = side;
  show();
}
function toggle() {
  const el = els[active];
  if (el.paused) el.play(); else el.pause();
}
if (els.a) {
  picks.a.value = String(data.a); picks.b.value = String(data.b);
  load('a', data.a); load('b', data.b);
  picks.a.addEventListener('change', () => load('a', Number(picks.a.value)));
  picks.b.addEventListener('change', () => load('b', Number(picks.b.value)));
  $('play').addEventListener('click', toggle);
  $('to-a').addEventListener('click', () => switchTo('a'));
  $('to-b').addEventListener('click', () => switchTo('b'));
  $('side-a').addEventListener('click', (e) => { if (e.target.tagName !== 'SELECT') switchTo('a'); });
  $('side-b').addEventListener('click', (e) => { if (e.target.tagName !== 'SELECT') switchTo('b'); });
  for (const el of [els.a, els.b]) { el.addEventListener('play', show); el.addEventListener('pause', show); }
  $('seek').addEventListener('input', () => { const el = els[active]; if (el.duration) el.currentTime = (Number($('seek').value) / 1000) * el.duration; });
  const tick = () => {
    const el = els[active];
    if (el.duration) {
      const f = el.currentTime / el.duration;
      if (document.activeElement !== $('seek')) $('seek').value = String(Math.round(f * 1000));
      $('playhead').setAttribute('x1', String(f * 1000)); $('playhead').setAttribute('x2', String(f * 1000));
      const s = Math.floor(el.currentTime);
      $('time').textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener('keydown', (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (['TEXTAREA', 'INPUT', 'SELECT'].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && tag !== 'BUTTON') { e.preventDefault(); toggle(); }
    else if (e.key === 'a' || e.key === 'A') switchTo('a');
    else if (e.key === 'b' || e.key === 'B') switchTo('b');
    else if (e.key === 'ArrowRight') els[active].currentTime += 5;
    else if (e.key === 'ArrowLeft') els[active].currentTime = Math.max(0, els[active].currentTime - 5);
  });
  show();
}
async function post(path, body) {
  // One answer per press: the buttons wait while the studio answers (a double click asks once).
  const buttons = [...document.querySelectorAll('button.approve, #changes button')];
  if (buttons.some((b) => b.disabled)) return;
  buttons.forEach((b) => (b.disabled = true));
  $('said').className = 'muted'; $('said').textContent = data.texts.sending;
  try {
    const res = await fetch('/listen/${token}/' + path, { method: 'POST', body: new URLSearchParams(body) });
    const answer = await res.json();
    $('said').className = answer.ok ? 'ok' : 'bad';
    $('said').textContent = answer.ok ? answer.said : answer.error;
    if (answer.payUrl) { const a = document.createElement('a'); a.href = answer.payUrl; a.textContent = ' ' + answer.payUrl; $('said').appendChild(a); }
    return answer;
  } catch (e) { $('said').className = 'bad'; $('said').textContent = data.texts.failed; }
  finally { buttons.forEach((b) => (b.disabled = false)); }
}
// Approving completes the booking: the first press asks, the second approves.
for (const button of document.querySelectorAll('button.approve')) button.addEventListener('click', () => {
  if (!button.dataset.armed) { button.dataset.armed = '1'; button.textContent = data.texts.approveSure.replace('{version}', button.dataset.version); return; }
  post('approve', { version: button.dataset.version });
});
const form = $('changes');
if (form) form.addEventListener('submit', (e) => {
  e.preventDefault();
  const f = new FormData(form);
  const text = [...f.getAll('quick'), f.get('notes')].filter(Boolean).join(', ');
  post('changes', { text, acceptPaid: f.get('acceptPaid') || '' });
});
`;
}
