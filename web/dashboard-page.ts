// The studio dashboard's pages: the week (sessions by day, in the studio's time zone), what waits on
// the engineer, and one booking's files, versions and history with its actions. Plain forms: every
// button works by keyboard and without JavaScript; the layout folds to one column on a phone.
import { html } from 'hono/html';
import type { Board, BookingDetail, BoardBooking } from '../core/engineer/dashboard.js';
import type { EngineerRow } from '../core/engineer/engineer-desk.js';
import { currentLanguage, t } from '../core/texts.js';

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:20px auto;padding:0 14px;color:#1d2329;background:#fafbfc}
h1{font-size:22px;margin:0}h2{font-size:17px;margin:22px 0 8px}.muted{color:#57606a}a{color:#0b5cad}
.week{display:grid;grid-template-columns:repeat(7,1fr);gap:8px}.day{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:8px;min-height:90px}
.day h3{font-size:14px;margin:0 0 6px}.slot{border-left:3px solid #2f7de1;padding:2px 6px;margin:4px 0;font-size:13px}.slot.requested{border-color:#d4a72c}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #e1e4e8;padding:6px 8px;text-align:left;vertical-align:top}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:10px 0}.said{background:#eef5ff;border:1px solid #2f7de1;border-radius:8px;padding:8px 12px;white-space:pre-wrap}
form.inline{display:inline}button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #2f7de1;background:#2f7de1;color:#fff;cursor:pointer;min-height:40px}
button.quiet{background:#fff;color:#2f7de1}button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f2a93b;outline-offset:2px}
header{display:flex;justify-content:space-between;align-items:center;gap:10px;flex-wrap:wrap}
@media (max-width:760px){.week{grid-template-columns:1fr}.day{min-height:0}}`;

const page = (title: string, body: unknown) =>
  html`<!doctype html>
    <html lang="${currentLanguage()}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${style}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;

const bookingLink = (b: { reference: string }) => html`<a href="/studio/booking/${b.reference}">${b.reference}</a>`;

const list = (rows: BoardBooking[], empty: string) =>
  rows.length
    ? html`<table>
        <tbody>
          ${rows.map(
            (b) =>
              html`<tr>
                <td>${bookingLink(b)}</td>
                <td>${b.client}</td>
                <td>${b.service} · ${b.kind}${b.engineer ? ` · ${b.engineer}` : ''}</td>
                <td>${b.when}</td>
                <td>${b.statusText}</td>
              </tr>`,
          )}
        </tbody>
      </table>`
    : html`<p class="muted">${empty}</p>`;

/** The sign-in link's page: one button, so that only a person (not a link preview) signs in. */
export function signInPage(o: { studio: string }) {
  return page(
    t('web-dashboard-title', { studio: o.studio }),
    html`<h1>${t('web-dashboard-title', { studio: o.studio })}</h1>
      <form method="post">
        <p><button type="submit" autofocus>${t('web-dashboard-sign-in')}</button></p>
      </form>`,
  );
}

/** "Mine · Everyone's" for an owner of a studio with several engineers; whose bookings these are. */
function scopeLine(b: Board, toggle: boolean) {
  const mine = b.engineer !== null;
  return html`<p class="scope">
    ${b.engineer ? t('web-dashboard-of', { name: b.engineer.name }) : t('web-dashboard-of-everyone')}
    ${
      toggle
        ? html` · <a href="/studio?who=mine" aria-current="${mine ? 'page' : 'false'}">${t('web-dashboard-mine')}</a> ·
            <a href="/studio?who=all" aria-current="${mine ? 'false' : 'page'}">${t('web-dashboard-everyone')}</a>`
        : ''
    }
  </p>`;
}

export function boardPage(o: { studio: string; board: Board; said: string | null; severalEngineers?: boolean; canSeeAll?: boolean }) {
  const b = o.board;
  return page(
    t('web-dashboard-title', { studio: o.studio }),
    html`<header>
        <h1>${t('web-dashboard-title', { studio: o.studio })}</h1>
        <span>
          ${o.canSeeAll ? html`<a href="/studio/engineers">${t('web-dashboard-engineers')}</a> ` : ''}
          <form class="inline" method="post" action="/studio/logout"><button class="quiet" type="submit">${t('web-dashboard-sign-out')}</button></form>
        </span>
      </header>
      ${o.said ? html`<p class="said" role="status">${o.said}</p>` : ''} ${o.severalEngineers ? scopeLine(b, !!o.canSeeAll) : ''}
      <h2>${t('web-dashboard-week', { zone: b.zone })}</h2>
      <section class="week" aria-label="${t('web-dashboard-week', { zone: b.zone })}">
        ${b.days.map(
          (d) =>
            html`<div class="day">
              <h3>${d.label}</h3>
              ${
                d.sessions.length
                  ? d.sessions.map(
                      (s) =>
                        html`<div class="slot ${s.status}">
                          <strong>${s.when}</strong> ${bookingLink(s)}<br /><span class="muted"
                            >${s.client} · ${s.service} · ${s.kind} · ${s.statusText}${s.engineer ? ` · ${s.engineer}` : ''}</span
                          >
                        </div>`,
                    )
                  : html`<span class="muted">—</span>`
              }
            </div>`,
        )}
      </section>
      <h2>${t('web-dashboard-waiting')}</h2>
      ${list(b.waiting, t('web-dashboard-none'))}
      <h2>${t('web-dashboard-unattended')}</h2>
      ${list(b.unattended, t('web-dashboard-none'))}
      <h2>${t('web-dashboard-held')}</h2>
      ${
        b.held.length
          ? html`<table>
              <tbody>
                ${b.held.map(
                  (v) =>
                    html`<tr>
                      <td>${bookingLink(v)}</td>
                      <td>v${v.version}</td>
                      <td>${v.state}</td>
                      <td>${v.facts}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t('web-dashboard-none')}</p>`
      }
      <h2>${t('web-dashboard-revisions')}</h2>
      ${
        b.revisions.length
          ? html`<table>
              <tbody>
                ${b.revisions.map(
                  (r) =>
                    html`<tr>
                      <td>${bookingLink(r)}</td>
                      <td>${t('web-dashboard-revision', { number: r.number })}${r.paid ? html` · ${t('web-dashboard-paid')}` : ''}</td>
                      <td>“${r.notes}”</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t('web-dashboard-none')}</p>`
      }`,
  );
}

const act = (reference: string, what: string, label: string, extra: unknown = '') =>
  html`<form class="inline" method="post" action="/studio/act">
    <input type="hidden" name="reference" value="${reference}" /><input type="hidden" name="do" value="${what}" />${extra}<button type="submit">
      ${label}
    </button>
  </form> `;

/** A form on the engineers page: the command `what` for the engineer `name`, with `fields` and a button. */
const engineerAct = (name: string, what: string, label: string, fields: unknown = '', quiet = false) =>
  html`<form class="inline" method="post" action="/studio/engineers/act">
    <input type="hidden" name="name" value="${name}" /><input type="hidden" name="do" value="${what}" />${fields}<button
      type="submit"
      class="${quiet ? 'quiet' : ''}"
    >
      ${label}
    </button>
  </form> `;

const field = (name: string, label: string, value = '', size = 24) => html`<label>${label} <input name="${name}" value="${value}" size="${size}" /></label> `;

/** The owner's engineers: each with what they take, whose hours, where they hear; the forms that change them. */
export function engineersPage(o: { studio: string; rows: EngineerRow[]; said: string | null; codes: string[] }) {
  return page(
    `${t('web-dashboard-engineers')} · ${o.studio}`,
    html`<header>
        <h1>${t('web-dashboard-engineers')}</h1>
        <a href="/studio">${t('web-dashboard-back')}</a>
      </header>
      ${o.said ? html`<p class="said" role="status">${o.said}</p>` : ''}
      ${o.rows.map(
        (r) =>
          html`<div class="card" id="engineer-${encodeURIComponent(r.name)}">
            <h2>
              ${r.name}${r.owner ? html` <span class="muted">(${t('desk-engineer-owner-mark')})</span>` : ''}${
                r.active ? '' : html` <span class="muted">(${t('desk-engineer-removed-mark')})</span>`
              }
            </h2>
            <p class="muted">${t('web-engineer-facts', { hours: r.hours, identities: r.identities, open: r.open })}</p>
            <p class="muted">${t('web-engineer-now', { services: r.services, chats: r.chats })}</p>
            ${engineerAct(r.name, 'services', t('web-engineer-save'), field('services', t('web-engineer-services'), r.serviceCodes))}
            ${engineerAct(r.name, 'chats', t('web-engineer-save'), field('chats', t('web-engineer-chats'), r.chatCodes, 40))}
            <div>
              ${r.owner ? engineerAct(r.name, 'not-owner', t('web-engineer-not-owner'), '', true) : engineerAct(r.name, 'owner', t('web-engineer-make-owner'), '', true)}
              ${r.active ? engineerAct(r.name, 'remove', t('web-engineer-remove'), '', true) : engineerAct(r.name, 'restore', t('web-engineer-restore'), '', true)}
            </div>
          </div>`,
      )}
      <h2>${t('web-engineer-add')}</h2>
      <form method="post" action="/studio/engineers/act" class="card">
        <input type="hidden" name="do" value="add" />
        ${field('name', t('web-engineer-name'))} ${field('identity', t('web-engineer-identity'), '', 30)}
        ${field('services', t('web-engineer-services'), 'all')} ${field('chats', t('web-engineer-chats'), '', 40)}
        <p class="muted">${t('web-engineer-add-how', { codes: o.codes.join(', ') })}</p>
        <button type="submit">${t('web-engineer-add')}</button>
      </form>`,
  );
}

export function bookingPage(o: { studio: string; detail: BookingDetail; said: string | null; engineers?: string[] }) {
  const d = o.detail;
  const b = d.booking;
  return page(
    `${b.reference} · ${o.studio}`,
    html`<header>
        <h1>${b.reference} · ${b.client}</h1>
        <a href="/studio">${t('web-dashboard-back')}</a>
      </header>
      ${o.said ? html`<p class="said" role="status">${o.said}</p>` : ''}
      <p>
        ${b.service} · ${b.kind} · ${b.day} ${b.when} ·
        <strong>${b.statusText}</strong>${d.engineer ? html` · ${t('web-dashboard-engineer', { name: d.engineer })}` : ''}
      </p>
      <div class="card">
        ${b.canConfirm ? html`${act(b.reference, 'confirm', t('web-dashboard-confirm'))}${act(b.reference, 'decline', t('web-dashboard-decline'), html`<input name="reason" aria-label="${t('web-dashboard-reason')}" placeholder="${t('web-dashboard-reason')}" /> `)}` : ''}${
          b.canMaster ? act(b.reference, 'master', t('web-dashboard-master')) : ''
        }${d.openRevision ? act(b.reference, 'resolve', t('web-dashboard-resolve', { number: d.openRevision.number })) : ''}${
          o.engineers && o.engineers.length > 1 && d.open
            ? act(
                b.reference,
                'assign',
                t('web-dashboard-assign'),
                html`<select name="engineer" aria-label="${t('web-dashboard-assign')}">
                  ${o.engineers.map((n) => html`<option value="${n}" ${n === d.engineer ? 'selected' : ''}>${n}</option>`)}
                </select> `,
              )
            : ''
        }
      </div>
      ${d.openRevision ? html`<p>${t('web-dashboard-revision', { number: d.openRevision.number })}: “${d.openRevision.notes}”</p>` : ''}
      ${
        d.comments.length
          ? html`<h2>${t('web-dashboard-comments')}</h2>
              <ul class="comments">
                ${d.comments.map(
                  (c) =>
                    html`<li id="comment-${c.number}">
                      <strong>#${c.number} · v${c.version} · ${c.at}</strong> — ${c.text}
                      <span class="muted"
                        >(${t(c.status === 'resolved' ? 'comment-state-resolved' : 'comment-state-open')}${c.inRevision ? html`, ${t('comment-in-revision')}` : ''})</span
                      >
                      ${c.answer ? html`<br /><span class="muted">${t('web-room-comment-studio')}</span> ${c.answer}` : ''}
                      <br /><audio
                        controls
                        preload="none"
                        aria-label="${t('web-room-comment-play', { at: c.at })}"
                        src="/studio/booking/${b.reference}/version/${c.version}/audio#t=${(c.startMs / 1000).toFixed(1)}${c.endMs ? `,${(c.endMs / 1000).toFixed(1)}` : ''}"
                      ></audio>
                      <div>
                        ${act(
                          b.reference,
                          'comment-answer',
                          t('web-dashboard-comment-answer'),
                          html`<input type="hidden" name="number" value="${c.number}" /><input
                              name="answer"
                              required
                              maxlength="1000"
                              aria-label="${t('web-dashboard-comment-answer')} #${c.number}"
                            /> `,
                        )}${act(
                          b.reference,
                          c.status === 'resolved' ? 'comment-reopen' : 'comment-resolve',
                          t(c.status === 'resolved' ? 'web-dashboard-comment-reopen' : 'web-dashboard-comment-resolve'),
                          html`<input type="hidden" name="number" value="${c.number}" />`,
                        )}
                      </div>
                    </li>`,
                )}
              </ul>`
          : ''
      }
      <h2>${t('web-dashboard-versions')}</h2>
      ${
        d.versions.length
          ? html`<table>
              <tbody>
                ${d.versions.map(
                  (v) =>
                    html`<tr>
                      <td>v${v.version}</td>
                      <td>${v.kind}</td>
                      <td>${v.state}</td>
                      <td>${v.facts}</td>
                      <td>
                        ${
                          v.held
                            ? act(
                                b.reference,
                                'deliver',
                                t('web-dashboard-deliver', { version: v.version }),
                                html`<input type="hidden" name="version" value="${v.version}" />`,
                              )
                            : ''
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t('web-dashboard-none')}</p>`
      }
      <h2>${t('web-dashboard-files')}</h2>
      ${
        d.files.length
          ? html`<table>
              <tbody>
                ${d.files.map(
                  (f) =>
                    html`<tr>
                      <td>${f.fileName}</td>
                      <td>${f.role}</td>
                      <td>${f.sizeMb} MB</td>
                      <td>${f.at}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${t('web-dashboard-none')}</p>`
      }
      ${
        d.money.length
          ? html`<h2>${t('web-dashboard-money')}</h2>
              <ul>
                ${d.money.map((line) => html`<li>${line}</li>`)}
              </ul>`
          : ''
      }
      <h2>${t('web-dashboard-history')}</h2>
      <table>
        <tbody>
          ${d.history.map(
            (h) =>
              html`<tr>
                <td>${h.at}</td>
                <td>${h.text}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
