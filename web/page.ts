// The upload page: plain HTML with the tus browser client, so large files resume after a
// dropped connection (tus-js-client remembers unfinished uploads in the browser).
import { currentLanguage, t } from '../core/texts.js';
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that is safe inside a <script> element (no "</script>" can close it early). */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 20px;color:#1d2329}
h1{font-size:24px}.muted{color:#57606a}.file{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:10px 0}
progress{width:100%}.ok{color:#1a7f37}.bad{color:#cf222e}pre{white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;margin:6px 0 0}
label.pick{display:inline-block;background:#2f7de1;color:#fff;padding:10px 18px;border-radius:6px;cursor:pointer}input[type=file]{display:none}`;

export function uploadPage(o: { studio: string; reference: string; service: string; purpose: string; token: string; maxMb: number; expires: string }): string {
  return `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(t('web-upload-title', { ref: o.reference }))}</title><style>${style}</style></head><body>
<h1>${esc(t('web-upload-heading', { studio: o.studio, ref: o.reference }))}</h1>
<p>${esc(t(o.purpose === 'stem' ? 'web-upload-what-stems' : o.purpose === 'mix' ? 'web-upload-what-mix' : 'web-upload-what-reference', { service: o.service }))}
${esc(t('web-upload-formats', { maxMb: String(o.maxMb) }))}</p>
<p class="muted">${esc(t('web-upload-private', { expires: o.expires }))}</p>
<label class="pick">${esc(t('web-upload-choose'))}<input id="pick" type="file" multiple accept=".wav,.wave,.aif,.aiff,.flac,.mp3,.zip,audio/*"></label>
<div id="files"></div>
<script src="/assets/tus.min.js"></script>
<script>
const token = ${JSON.stringify(o.token)};
const texts = ${scriptJson({ waiting: t('web-upload-waiting'), uploading: t('web-upload-uploading'), refused: t('web-upload-refused'), accepted: t('web-upload-accepted') })};
const list = document.getElementById('files');
function row(file) {
  const div = document.createElement('div'); div.className = 'file';
  div.innerHTML = '<strong></strong> <span class="muted"></span><progress max="100" value="0"></progress><div class="state muted"></div><pre></pre>';
  div.querySelector('.state').textContent = texts.waiting;
  div.querySelector('strong').textContent = file.name;
  div.querySelector('span').textContent = (file.size / 1048576).toFixed(1) + ' MB';
  list.appendChild(div); return div;
}
function send(file) {
  const div = row(file);
  const state = div.querySelector('.state'), bar = div.querySelector('progress'), pre = div.querySelector('pre');
  const upload = new tus.Upload(file, {
    endpoint: '/files/', chunkSize: 8 * 1048576, retryDelays: [0, 1000, 3000, 5000, 10000],
    headers: { 'X-Upload-Token': token }, metadata: { filename: file.name },
    onProgress(sent, total) { const p = Math.floor((sent / total) * 100); bar.value = p; state.textContent = texts.uploading + ' ' + p + '%'; },
    onError(err) {
      const body = err.originalResponse && err.originalResponse.getBody();
      state.className = 'state bad'; state.textContent = texts.refused;
      try { pre.textContent = JSON.parse(body).error; } catch { pre.textContent = body || String(err.message || err); }
    },
    onSuccess(payload) {
      bar.value = 100; state.className = 'state ok'; state.textContent = texts.accepted;
      try { pre.textContent = JSON.parse(payload.lastResponse.getBody()).message; } catch {}
    },
  });
  upload.findPreviousUploads().then((previous) => { if (previous.length) upload.resumeFromPreviousUpload(previous[0]); upload.start(); });
}
document.getElementById('pick').addEventListener('change', (e) => { for (const f of e.target.files) send(f); e.target.value = ''; });
</script></body></html>`;
}

/** A page with one message (after paying: the chat says the rest). */
export function messagePage(studio: string, message: string): string {
  return `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(studio)}</title><style>${style}</style></head><body>
<h1>${esc(studio)}</h1><p>${esc(message)}</p></body></html>`;
}

export function refusedPage(studio: string, message: string): string {
  return `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(t('web-refused-title'))}</title><style>${style}</style></head><body>
<h1>${esc(studio)}</h1><p class="bad">${esc(message)}</p></body></html>`;
}
