// The studio dashboard on the web (/studio): signed in by a one-time link from the engineer's
// /dashboard (or `mixdesk dashboard-link`), then a 12-hour session in an HttpOnly, SameSite=Strict
// cookie. Every action posts a form that runs the same engineer command as Discord's and the
// terminal's, and is kept in the audit trail as "web"; posts from another site are refused.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sameOriginPosts, smallForms, type PageRouteOptions, type WebEnv } from './hono-route.js';
import type { DeskPort } from '../core/engineer/perform.js';
import { userMessage } from '../core/errors.js';
import { SESSION_HOURS } from '../core/engineer/dashboard-access.js';
import { t } from '../core/texts.js';
import { refusedPage } from './page.js';
import { boardPage, bookingPage, engineersPage, signInPage } from './dashboard-page.js';
import { isReference } from '../core/booking/reference.js';
import { streamStored } from './listening.js';

const SESSION = 'mixdesk_studio';
const SAID = 'mixdesk_said';

/** The engineer actions the page offers, as the words of the engineer's commands. */
export function actionWords(form: Record<string, unknown>): string[] | null {
  const ref = typeof form.reference === 'string' && isReference(form.reference) ? form.reference.toUpperCase() : null;
  if (!ref) return null;
  const reason = typeof form.reason === 'string' && form.reason.trim() ? ['--reason', form.reason.trim().slice(0, 300)] : [];
  switch (form.do) {
    case 'confirm':
      return ['booking', 'confirm', ref];
    case 'decline':
      return ['booking', 'decline', ref, ...reason];
    case 'deliver':
      return typeof form.version === 'string' && /^\d{1,3}$/.test(form.version) ? ['version', 'deliver', ref, '--version', form.version] : null;
    case 'master':
      return ['master', ref];
    case 'resolve':
      return ['revision', 'resolve', ref];
    case 'comment-answer':
    case 'comment-resolve':
    case 'comment-reopen': {
      const number = typeof form.number === 'string' && /^\d{1,6}$/.test(form.number) ? form.number : null;
      if (!number) return null;
      if (form.do !== 'comment-answer') return ['comment', form.do.slice('comment-'.length), ref, number];
      const answer = typeof form.answer === 'string' ? form.answer.trim().slice(0, 1000) : '';
      return answer ? ['comment', 'answer', ref, number, answer] : null;
    }
    case 'assign': {
      const name = field(form.engineer, 40);
      return name ? ['booking', 'assign', ref, name] : null;
    }
    default:
      return null;
  }
}

/** A form field as typed: a string, trimmed, 1–`max` characters; null otherwise (a file, nothing, too long). */
function field(v: unknown, max: number): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  return s && s.length <= max ? s : null;
}

/** The engineer command a form on the engineers page names (the owner's); null when it names none. */
export function engineerActionWords(form: Record<string, unknown>): string[] | null {
  const name = field(form.name, 40);
  if (!name) return null;
  const services = field(form.services, 200);
  const chats = field(form.chats, 300);
  switch (form.do) {
    case 'add': {
      const identity = field(form.identity, 40);
      if (!identity) return null;
      return ['engineer', 'add', identity, name, ...(services ? ['--services', services] : []), ...(chats ? ['--chats', chats] : [])];
    }
    case 'services':
      return services ? ['engineer', 'services', services, name] : null;
    case 'chats':
      return chats ? ['engineer', 'chats', chats, name] : null;
    case 'owner':
    case 'not-owner':
      return ['engineer', 'owner', form.do === 'owner' ? 'yes' : 'no', name];
    case 'remove':
    case 'restore':
      return ['engineer', form.do, name];
    default:
      return null;
  }
}

export function dashboardRoutes(
  o: PageRouteOptions<'name' | 'dashboardAccess' | 'board' | 'bookings' | 'room' | 'store' | 'engineers' | 'staff' | 'catalog'> & { desk: DeskPort },
): Hono<WebEnv> {
  const { studio, log } = o;
  const app = new Hono<WebEnv>();
  app.use('/studio/*', sameOriginPosts(o.publicBaseUrl));
  app.use(
    '/studio/*',
    smallForms((c, message) => c.html(refusedPage(studio.name, message), 413)),
  );

  const secure = (c: Context<WebEnv>) => (o.publicBaseUrl ?? c.req.url).startsWith('https:');
  const refused = (c: Context, message: string) => c.html(refusedPage(studio.name, message), 403);

  // Opening the link only asks: chat apps fetch links to preview them, and a preview must not use
  // up a link that is good once. The button posts it.
  app.get('/studio/login/:token', async (c) => {
    if (!(await studio.dashboardAccess.usable(c.req.param('token')))) return refused(c, t('web-dashboard-link-bad'));
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
    return c.html(signInPage({ studio: studio.name }));
  });

  app.post('/studio/login/:token', async (c) => {
    const session = await studio.dashboardAccess.signIn(c.req.param('token'));
    if (!session) return refused(c, t('web-dashboard-link-bad'));
    setCookie(c, SESSION, session.token, {
      path: '/studio',
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c),
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/studio', 303);
  });

  /** The signed-in engineer, or null (the page then says how to sign in). */
  const engineer = (c: Context<WebEnv>) => studio.dashboardAccess.actorOf(getCookie(c, SESSION));

  /** What the last action said, shown once. */
  const said = (c: Context<WebEnv>) => {
    const text = getCookie(c, SAID);
    if (text) deleteCookie(c, SAID, { path: '/studio' });
    if (!text) return null;
    // Set by this page, but a browser sends back whatever it holds: a damaged one is shown as nothing.
    try {
      return decodeURIComponent(text).slice(0, 2000);
    } catch {
      return null;
    }
  };

  app.get('/studio', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    c.header('cache-control', 'private, no-store');
    // An owner (or the terminal's, or a role's engineer of no record) sees everyone's bookings, or
    // their own with ?who=mine; another engineer their own.
    const [me, active] = await Promise.all([studio.engineers.ofActor(actor), studio.engineers.active()]);
    const canSeeAll = !me || me.owner;
    const mine = me && (!canSeeAll || c.req.query('who') === 'mine') ? { id: me.id, name: me.name } : null;
    const names = new Map(active.map((e) => [e.id, e.name]));
    const board = await studio.board.week({ engineer: mine, names });
    return c.html(boardPage({ studio: studio.name, board, said: said(c), severalEngineers: active.length > 1, canSeeAll: canSeeAll && !!me }));
  });

  app.get('/studio/booking/:ref', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    const all = await studio.engineers.all();
    const names = new Map(all.map((e) => [e.id, e.name]));
    const detail = isReference(c.req.param('ref')) ? await studio.board.booking(c.req.param('ref'), names) : null;
    if (!detail) return c.html(refusedPage(studio.name, t('desk-no-such-booking', { ref: c.req.param('ref').slice(0, 20) })), 404);
    c.header('cache-control', 'private, no-store');
    // Handing a booking over is the owner's (the command checks it too): the form only where it can work.
    const me = await studio.engineers.ofActor(actor);
    const engineers = me?.owner ? all.filter((e) => e.active).map((e) => e.name) : [];
    return c.html(bookingPage({ studio: studio.name, detail, said: said(c), engineers }));
  });

  // A version as its listening page plays it, for the engineer to hear a comment's moment.
  app.on(['GET', 'HEAD'], '/studio/booking/:ref/version/:version/audio', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    const b = isReference(c.req.param('ref')) ? await studio.bookings.byReference(c.req.param('ref')) : null;
    const version = Number(/^\d{1,4}$/.test(c.req.param('version')) ? c.req.param('version') : NaN);
    const file = b && Number.isInteger(version) ? await studio.room.listened(b.id, version) : null;
    return (file && (await streamStored(c, studio.store, file))) ?? c.html(refusedPage(studio.name, t('web-download-gone')), 404);
  });

  /**
   * Runs the engineer command a form names as the signed-in engineer and goes back to `back` with
   * its answer; words the command refuses (a version out of range) are a page that says so, not a 500.
   */
  const performed = async (c: Context<WebEnv>, actor: string, words: string[] | null, back: string) => {
    if (!words) return c.html(refusedPage(studio.name, t('web-dashboard-bad-action')), 400);
    let text: string;
    try {
      ({ text } = await o.desk.perform(words, { platform: 'web', userId: actor, actor }, { log }));
    } catch (err) {
      const message = userMessage(err);
      if (message !== undefined) return c.html(refusedPage(studio.name, message), 400);
      log.error({ err, words }, 'dashboard action failed');
      text = t('web-failed');
    }
    // A browser drops a cookie over 4 KB; the page shows the rest of the story.
    setCookie(c, SAID, encodeURIComponent(text.slice(0, 600)), { path: '/studio', httpOnly: true, sameSite: 'Strict', secure: secure(c), maxAge: 60 });
    return c.redirect(back, 303);
  };

  app.post('/studio/act', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    const form = await c.req.parseBody();
    // Back where the engineer was: at the comment they answered.
    const at = String(form.do).startsWith('comment-') ? `#comment-${String(form.number)}` : '';
    return performed(c, actor, actionWords(form), `/studio/booking/${String(form.reference).toUpperCase()}${at}`);
  });

  // The owner's page of engineers: who, what they take, where they hear; add, change, remove.
  app.get('/studio/engineers', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    let rows;
    try {
      rows = await studio.staff.overview(actor);
    } catch (err) {
      const message = userMessage(err);
      if (message === undefined) throw err;
      return refused(c, message);
    }
    c.header('cache-control', 'private, no-store');
    return c.html(engineersPage({ studio: studio.name, rows, said: said(c), codes: studio.catalog.services.map((s) => s.code) }));
  });

  app.post('/studio/engineers/act', async (c) => {
    const actor = await engineer(c);
    if (!actor) return refused(c, t('web-dashboard-signed-out'));
    return performed(c, actor, engineerActionWords(await c.req.parseBody()), '/studio/engineers');
  });

  app.post('/studio/logout', async (c) => {
    await studio.dashboardAccess.signOut(getCookie(c, SESSION));
    deleteCookie(c, SESSION, { path: '/studio' });
    return c.html(refusedPage(studio.name, t('web-dashboard-signed-out')));
  });

  const elsewhere = (c: Context<WebEnv>) => c.html(refusedPage(studio.name, t('web-dashboard-signed-out')), 404);
  app.all('/studio', elsewhere);
  app.all('/studio/*', elsewhere);
  return app;
}
