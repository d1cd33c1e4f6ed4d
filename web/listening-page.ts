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
.wave{height:100px;cursor:crosshair;touch-action:none}.wave:focus-visible{outline:3px solid #f2a93b;outline-offset:2px}
.comments{list-style:none;padding:0}.comments li{border-top:1px solid #eaeef2;padding:8px 0}.comments .at{font-variant-numeric:tabular-nums;padding:4px 10px;min-height:36px}
.comments .state{font-size:14px;color:#57606a}.comments .answer{margin:4px 0 0 12px;color:#1a7f37}.comment-form{display:grid;gap:8px}.comment-form .times{display:flex;gap:8px;flex-wrap:wrap}
.comment-form label{display:grid;gap:2px;font-size:14px}.comment-form input,.comment-form select{font:inherit;padding:6px;min-width:7em}[hidden]{display:none!important}
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
    comments: view.comments,
    versions: view.versions.map((v) => v.version),
    texts: {
      fair: t('web-room-fair', { db: '{db}' }),
      asIs: t('web-room-as-is'),
      unmeasured: t('web-room-unmeasured'),
      play: t('web-room-play'),
      pause: t('web-room-pause'),
      sending: t('web-room-sending'),
      approveSure: t('web-room-approve-sure', { version: '{version}' }),
      failed: t('web-failed'),
      commentHere: t('web-room-comment-here', { at: '{at}' }),
      playFrom: t('web-room-comment-play', { at: '{at}' }),
      edit: t('web-room-comment-edit'),
      remove: t('web-room-comment-delete'),
      studio: t('web-room-comment-studio'),
      none: t('web-room-comments-none'),
      badTime: t('web-room-comment-bad-time'),
      version: t('room-version', { version: '{version}' }),
      states: { draft: t('comment-state-draft'), open: t('comment-state-open'), resolved: t('comment-state-resolved') },
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
                <svg
                  id="wave"
                  class="wave"
                  viewBox="0 0 1000 100"
                  preserveAspectRatio="none"
                  tabindex="0"
                  role="slider"
                  aria-label="${t('web-room-waveform')}"
                  aria-valuemin="0"
                  aria-valuemax="0"
                  aria-valuenow="0"
                  aria-valuetext="0:00"
                >
                  <line x1="0" x2="1000" y1="50" y2="50" stroke="#d0d7de" stroke-width="1" />
                  <path id="wave-path" fill="#8fb3e8" />
                  <g id="wave-marks"></g>
                  <rect id="wave-pick" y="0" height="100" width="0" fill="#f2a93b" fill-opacity="0.35" />
                  <line id="wave-head" x1="0" x2="0" y1="0" y2="100" stroke="#cf222e" stroke-width="2" />
                </svg>
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
        ${
          view.versions.length
            ? html`<section class="card" id="comments-card" aria-labelledby="comments-title">
                <h2 id="comments-title">${t('web-room-comments')}</h2>
                <p class="muted">${t('web-room-comment-help')}</p>
                <button id="comment-here" type="button" class="quiet">${t('web-room-comment-here', { at: '0:00' })}</button>
                <form id="comment-form" class="comment-form" hidden>
                  <div class="times">
                    <label
                      >${t('web-room-comment-on')}
                      <select name="version">
                        ${view.versions.map((v) => html`<option value="${v.version}">${t('room-version', { version: v.version })}</option>`)}
                      </select></label
                    >
                    <label>${t('web-room-comment-from')} <input name="start" inputmode="decimal" autocomplete="off" required /></label>
                    <label>${t('web-room-comment-to')} <input name="end" inputmode="decimal" autocomplete="off" /></label>
                  </div>
                  <label>${t('web-room-comment-text')} <textarea name="text" maxlength="1000" required></textarea></label>
                  <div class="controls">
                    <button type="submit">${t('web-room-comment-save')}</button>
                    <button type="button" class="quiet" id="comment-cancel">${t('web-room-comment-cancel')}</button>
                  </div>
                </form>
                <ul id="comments" class="comments"></ul>
                <button id="send-comments" type="button" hidden>${t('web-room-comment-send')}</button>
                <p id="comment-said" role="status" aria-live="polite"></p>
              </section>`
            : ''
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
                  <p id="gathers" class="muted" hidden>${t('web-room-changes-gathers')}</p>
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
          ${raw(commentScript(token))};
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

/**
 * Comments at moments: the waveform of what plays (drawn from the outline stored with the version),
 * a click or a drag on it (or C, or the "Comment at" button, by keyboard) opens the comment form at
 * that moment; the list seeks where each comment is; drafts are edited, deleted and sent.
 */
function commentScript(token: string): string {
  return `
(() => {
  const card = $('comments-card');
  if (!card) return;
  const form = $('comment-form'), list = $('comments'), wave = $('wave');
  const fmt = (sec, tenths) => {
    const s = Math.max(0, sec), m = Math.floor(s / 60), r = s - m * 60;
    const whole = String(Math.floor(r)).padStart(2, '0');
    return m + ':' + (tenths ? whole + '.' + Math.floor((r % 1) * 10) : whole);
  };
  const currentTrack = () => (els.a ? data.tracks[Number(picks[active].value)] : null);
  const duration = () => {
    const el = els[active];
    if (el && el.duration && isFinite(el.duration)) return el.duration;
    const t = currentTrack();
    return t && t.waveform ? t.waveform.seconds : 0;
  };
  const position = () => (els[active] ? els[active].currentTime : 0);
  let drawn = null;
  function drawWave() {
    const track = currentTrack();
    drawn = track;
    const w = track && track.waveform;
    let d = '';
    if (w && w.peaks.length) {
      const cols = w.peaks.length / 2, y = (v) => (50 - (v / 127) * 48).toFixed(1);
      const top = [], bottom = [];
      for (let i = 0; i < cols; i++) {
        const x = ((i + 0.5) * 1000 / cols).toFixed(1);
        top.push(x + ',' + y(w.peaks[2 * i + 1]));
        bottom.push(x + ',' + y(w.peaks[2 * i]));
      }
      d = 'M' + top.join('L') + 'L' + bottom.reverse().join('L') + 'Z';
    }
    $('wave-path').setAttribute('d', d);
    drawMarks();
  }
  function drawMarks() {
    const track = currentTrack(), g = $('wave-marks'), total = duration();
    g.textContent = '';
    if (!track || !total) return;
    const version = track.version === null ? data.versions[data.versions.length - 1] : track.version;
    for (const c of data.comments.filter((c) => c.version === version)) {
      const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      const x = (c.startMs / 1000 / total) * 1000;
      const w = c.endMs ? Math.max(3, ((c.endMs - c.startMs) / 1000 / total) * 1000) : 3;
      r.setAttribute('x', x.toFixed(1)); r.setAttribute('width', w.toFixed(1)); r.setAttribute('y', '0'); r.setAttribute('height', '100');
      r.setAttribute('fill', c.status === 'draft' ? '#f2a93b' : '#8250df'); r.setAttribute('fill-opacity', c.endMs ? '0.25' : '0.9');
      g.appendChild(r);
    }
  }
  function openForm(startSec, endSec, comment) {
    const track = currentTrack();
    form.hidden = false;
    form.dataset.number = comment ? String(comment.number) : '';
    form.version.value = String(comment ? comment.version : track && track.version !== null ? track.version : data.versions[data.versions.length - 1]);
    form.start.value = fmt(startSec, true);
    form.end.value = endSec === null ? '' : fmt(endSec, true);
    form.text.value = comment ? comment.text : '';
    form.text.focus();
  }
  function seekTo(sec) {
    const el = els[active];
    if (el) el.currentTime = sec;
  }
  // Pointer: a click is a moment, a drag a stretch (also seeking there).
  let down = null;
  const atX = (e) => {
    const box = wave.getBoundingClientRect();
    return Math.max(0, Math.min(1, (e.clientX - box.left) / box.width)) * duration();
  };
  wave.addEventListener('pointerdown', (e) => { if (!duration()) return; down = atX(e); wave.setPointerCapture(e.pointerId); });
  wave.addEventListener('pointermove', (e) => {
    if (down === null) return;
    const now = atX(e), total = duration();
    $('wave-pick').setAttribute('x', String((Math.min(down, now) / total) * 1000));
    $('wave-pick').setAttribute('width', String((Math.abs(now - down) / total) * 1000));
  });
  wave.addEventListener('pointerup', (e) => {
    if (down === null) return;
    const now = atX(e), from = down;
    down = null;
    $('wave-pick').setAttribute('width', '0');
    // Less than a fifth of a second apart is a click, not a stretch.
    const stretch = Math.abs(now - from) >= 0.2;
    seekTo(Math.min(from, now));
    openForm(Math.min(from, now), stretch ? Math.max(from, now) : null);
  });
  wave.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); openForm(position(), null); }
    else if (e.key === 'Home') { e.preventDefault(); seekTo(0); }
  });
  document.addEventListener('keydown', (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (['TEXTAREA', 'INPUT', 'SELECT'].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'c' || e.key === 'C') { e.preventDefault(); openForm(position(), null); }
  });
  $('comment-here').addEventListener('click', () => openForm(position(), null));
  $('comment-cancel').addEventListener('click', () => { form.hidden = true; $('comment-here').focus(); });
  async function send(path, body) {
    $('comment-said').className = 'muted'; $('comment-said').textContent = data.texts.sending;
    try {
      const res = await fetch('/listen/${token}/' + path, { method: 'POST', body: new URLSearchParams(body) });
      const answer = await res.json();
      $('comment-said').className = answer.ok ? 'ok' : 'bad';
      $('comment-said').textContent = answer.ok ? answer.said || '' : answer.error;
      if (answer.comments) { data.comments = answer.comments; render(); }
      return answer.ok;
    } catch (e) { $('comment-said').className = 'bad'; $('comment-said').textContent = data.texts.failed; return false; }
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (form.dataset.busy) return;
    form.dataset.busy = '1';
    const body = { version: form.version.value, start: form.start.value, end: form.end.value, text: form.text.value };
    const number = form.dataset.number;
    const ok = await send(number ? 'comments/' + number : 'comments', number ? { ...body, do: 'edit' } : body);
    delete form.dataset.busy;
    if (ok) { form.hidden = true; $('comment-here').focus(); }
  });
  $('send-comments').addEventListener('click', async () => {
    const b = $('send-comments');
    if (b.disabled) return;
    b.disabled = true;
    await send('comments/send', {});
    b.disabled = false;
  });
  function button(text, cls, onClick) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = cls; b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }
  function render() {
    list.textContent = '';
    if (!data.comments.length) { const li = document.createElement('li'); li.className = 'muted'; li.textContent = data.texts.none; list.appendChild(li); }
    for (const c of data.comments) {
      const li = document.createElement('li');
      li.id = 'comment-' + c.number;
      const at = button(c.at, 'quiet at', () => {
        if (!els.a) return;
        // The version commented on plays on the active side, from the comment's moment.
        const index = data.tracks.findIndex((t) => t.version === c.version);
        if (index >= 0 && Number(picks[active].value) !== index) { picks[active].value = String(index); load(active, index); }
        const el = els[active];
        const go = () => { el.currentTime = c.startMs / 1000; };
        if (el.readyState >= 1) go(); else el.addEventListener('loadedmetadata', go, { once: true });
        wave.focus();
      });
      at.setAttribute('aria-label', data.texts.playFrom.replace('{at}', c.at));
      li.appendChild(at);
      const words = document.createElement('span');
      words.textContent = ' ' + data.texts.version.replace('{version}', c.version) + ' · ' + c.text + ' ';
      li.appendChild(words);
      const state = document.createElement('span');
      state.className = 'state'; state.textContent = '(' + data.texts.states[c.status] + ')';
      li.appendChild(state);
      if (c.status === 'draft') {
        li.appendChild(document.createTextNode(' '));
        li.appendChild(button(data.texts.edit, 'quiet', () => openForm(c.startMs / 1000, c.endMs === null ? null : c.endMs / 1000, c)));
        li.appendChild(document.createTextNode(' '));
        li.appendChild(button(data.texts.remove, 'quiet', () => send('comments/' + c.number, { do: 'delete' })));
      }
      if (c.answer) {
        const a = document.createElement('p');
        a.className = 'answer'; a.textContent = data.texts.studio + ' ' + c.answer;
        li.appendChild(a);
      }
      list.appendChild(li);
    }
    $('send-comments').hidden = !data.comments.some((c) => c.status === 'draft');
    const gathers = $('gathers');
    if (gathers) gathers.hidden = !data.comments.some((c) => !c.inRevision && c.status !== 'resolved');
    drawMarks();
  }
  const follow = () => {
    if (currentTrack() !== drawn) drawWave();
    const total = duration(), now = position();
    const x = total ? (now / total) * 1000 : 0;
    $('wave-head').setAttribute('x1', String(x)); $('wave-head').setAttribute('x2', String(x));
    wave.setAttribute('aria-valuemax', String(Math.round(total)));
    wave.setAttribute('aria-valuenow', String(Math.round(now)));
    wave.setAttribute('aria-valuetext', fmt(now, false));
    $('comment-here').textContent = data.texts.commentHere.replace('{at}', fmt(now, false));
    requestAnimationFrame(follow);
  };
  render();
  drawWave();
  requestAnimationFrame(follow);
  if (location.hash && $(location.hash.slice(1))) $(location.hash.slice(1)).scrollIntoView();
})();
`;
}
