/**
 * A real Roundcube Webmail for the e2e tests: Debian's own package (`roundcube-core` 1.6 with
 * `roundcube-sqlite3`, the version Debian 12 ships), served by PHP's built-in web server, logging in to a
 * real IMAP server (Debian's Dovecot). Everything runs from a throw-away folder, on 127.0.0.1 only:
 * Dovecot with its own configuration (one mailbox user, plain password, no TLS), Roundcube with its own
 * configuration folder (`ROUNDCUBE_CONFIG_DIR`) and an SQLite database made from Roundcube's own schema.
 * Nothing in /etc is changed. `.ci/run` installs the packages (`apt-get`); stopped and removed after.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server';

/** Debian's layout of the `roundcube-core` package. */
const ROUNDCUBE_WEB = '/var/lib/roundcube/public_html';
const ROUNDCUBE_DEFAULTS = '/etc/roundcube/defaults.inc.php';
const ROUNDCUBE_SCHEMA = '/usr/share/roundcube/SQL/sqlite.initial.sql';
const DOVECOT = '/usr/sbin/dovecot';
const PHP = '/usr/bin/php';

/** The mailbox the tests log in with. */
export const ROUNDCUBE_USER = { name: 'marie', password: 'positions-tests' };

/**
 * A plain-text mail from a minister's office to the test user, as `deliver` takes it: what a reply answers,
 * under its quote. `body` is its lines, from « Madame, » to « Le cabinet ».
 */
export function mailFromCabinet(subject: string, messageId: string, body: string[]): string {
  return [
    'From: Cabinet de la ministre <cabinet@ministere.example>',
    `To: ${ROUNDCUBE_USER.name}@collectif.example`,
    `Subject: ${subject}`,
    'Date: Thu, 03 Dec 2026 10:00:00 +0100',
    `Message-ID: <${messageId}@ministere.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...body,
    '',
  ].join('\n');
}

/**
 * Run in a Roundcube page (`waitFor`/`waitForFunction`): true once the user is logged in and the mailbox view
 * has finished its own requests (its message list is there, so the inbox must hold a message, and no request of
 * Roundcube's is under way). Leaving the page earlier races Roundcube's session: a list request still running
 * on the server when the next page opens a compose ends by writing back the session it read at its start, and
 * the new compose's data in it is lost: the reply opens without its quote. Seen in 2 runs of 15 here, once in CI.
 */
export function mailboxSettled(): boolean {
  const page = window as unknown as {
    rcmail?: { task?: string; busy?: boolean; message_list?: { rowcount?: number } };
    jQuery?: { active?: number };
  };
  return page.rcmail?.task === 'mail' && page.rcmail.busy === false && (page.rcmail.message_list?.rowcount ?? 0) > 0 && page.jQuery?.active === 0;
}

export interface RoundcubeServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The test user's mail folder on the IMAP server (Maildir: a folder per mailbox, a file per message). */
  maildir: string;
  /** Puts a message (RFC 5322 text) in the test user's inbox, as a delivery would. */
  deliver(message: string): void;
  /**
   * The messages of one of the test user's folders (`''` the inbox, `'Drafts'`…), oldest first, raw: one
   * character per byte (latin1), since a message's parts say their own encoding.
   */
  messages(folder: string): string[];
  /** Dovecot's and Roundcube's logs, to say why something failed. */
  logs(): string;
  close(): Promise<void>;
}

/** A PHP string literal. */
const php = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Stops a child started `detached` and every process it forked (PHP's workers), by process group. */
function stop(child: ChildProcess): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    signal('SIGKILL');
    return Promise.resolve();
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  return Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5000))]).then(() => signal('SIGKILL'));
}

export async function startRoundcube(): Promise<RoundcubeServer> {
  const missing = [
    [ROUNDCUBE_WEB, 'roundcube-core'],
    [ROUNDCUBE_SCHEMA, 'roundcube-sqlite3'],
    [DOVECOT, 'dovecot-imapd'],
    [PHP, 'php-cli'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) {
    throw new Error(`startRoundcube: ${missing.map(([path, pkg]) => `${path} (Debian package ${pkg})`).join(', ')} not found. Run .ci/run once, or: apt-get install --no-install-recommends roundcube-core roundcube-sqlite3 dovecot-imapd php-cli php-cgi`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'positions-roundcube-'));
  // Dovecot's helpers read the users file and the mail folder as their own users.
  chmodSync(dir, 0o755);
  const [imapPort, httpPort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  let log = '';
  const close = async () => {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // ——— Dovecot: IMAP on 127.0.0.1:imapPort, one user, mail in the folder ———
    // As root, Dovecot will not deliver to uid 0: the mail belongs to `mail`, its helpers run as `dovecot`
    // (both made by Debian's packages). Otherwise everything runs as the current user.
    const root = process.getuid?.() === 0;
    const mailUser = root ? 'mail' : userInfo().username;
    const mail = join(dir, 'mail');
    mkdirSync(mail);
    for (const sub of ['run', 'state', 'config', 'logs', 'temp']) mkdirSync(join(dir, sub));
    const mailIds = root
      ? { uid: Number(spawnSync('id', ['-u', mailUser], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', mailUser], { encoding: 'utf8' }).stdout) }
      : undefined;
    if (mailIds) chownSync(mail, mailIds.uid, mailIds.gid);
    writeFileSync(join(dir, 'users'), `${ROUNDCUBE_USER.name}:{PLAIN}${ROUNDCUBE_USER.password}\n`);
    writeFileSync(
      join(dir, 'dovecot.conf'),
      [
        'protocols = imap',
        'listen = 127.0.0.1',
        `base_dir = ${join(dir, 'run')}`,
        `state_dir = ${join(dir, 'state')}`,
        `log_path = ${join(dir, 'dovecot.log')}`,
        'ssl = no',
        'disable_plaintext_auth = no',
        'auth_mechanisms = plain login',
        `default_login_user = ${root ? 'dovecot' : mailUser}`,
        `default_internal_user = ${root ? 'dovecot' : mailUser}`,
        'service anvil {\n  chroot =\n}',
        `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${imapPort}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
        `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}\n}`,
        `userdb {\n  driver = static\n  args = uid=${mailUser} gid=${mailUser} home=${mail}/%u\n}`,
        'mail_location = maildir:~/Maildir',
        `first_valid_uid = ${root ? 1 : process.getuid?.() ?? 1}`,
        '',
      ].join('\n'),
    );
    const dovecot = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.push(dovecot);
    dovecot.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    dovecot.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));

    // ——— Roundcube: its own configuration folder and SQLite database ———
    const config = join(dir, 'config');
    writeFileSync(join(config, 'defaults.inc.php'), `<?php\ninclude ${php(ROUNDCUBE_DEFAULTS)};\n`);
    writeFileSync(
      join(config, 'config.inc.php'),
      [
        '<?php',
        '$config = [];',
        `$config['db_dsnw'] = ${php(`sqlite:///${join(dir, 'roundcube.db')}?mode=0646`)};`,
        `$config['imap_host'] = ${php(`127.0.0.1:${imapPort}`)};`,
        "$config['smtp_host'] = '';",
        "$config['des_key'] = 'positions-e2e-des-key-24';",
        "$config['skin'] = 'elastic';",
        `$config['log_dir'] = ${php(`${join(dir, 'logs')}/`)};`,
        `$config['temp_dir'] = ${php(`${join(dir, 'temp')}/`)};`,
        "$config['language'] = 'fr_FR';",
        "$config['plugins'] = [];",
        "$config['support_url'] = '';",
        "$config['enable_installer'] = false;",
        // Brouillons, Envoyés… made at first login, as most installations have them (the draft test saves there).
        "$config['create_default_folders'] = true;",
        // Plain text by default, as Roundcube ships; the tests switch a message to HTML from its options.
        "$config['htmleditor'] = 0;",
        '',
      ].join('\n'),
    );
    const schema = spawnSync(PHP, ['-r', `$db = new PDO(${php(`sqlite:${join(dir, 'roundcube.db')}`)}); $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION); $db->exec(file_get_contents(${php(ROUNDCUBE_SCHEMA)}));`], { encoding: 'utf8' });
    if (schema.status !== 0) throw new Error(`startRoundcube: the SQLite schema failed: ${schema.stderr || schema.stdout}`);

    const web = spawn(PHP, ['-S', `127.0.0.1:${httpPort}`, '-t', ROUNDCUBE_WEB], {
      env: { ...process.env, ROUNDCUBE_CONFIG_DIR: `${config}/`, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.push(web);
    web.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));

    const url = `http://127.0.0.1:${httpPort}/`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const exited = children.find((child) => child.exitCode !== null);
      if (exited) throw new Error(`startRoundcube: ${exited === dovecot ? 'Dovecot' : 'PHP'} exited (${exited.exitCode}):\n${log}`);
      const up = await fetch(url).then((r) => r.ok, () => false);
      const imap = await new Promise<boolean>((resolve) => {
        const socket = new Socket();
        socket.once('error', () => resolve(false));
        socket.connect(imapPort, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
      });
      if (up && imap) break;
      if (Date.now() > deadline) throw new Error(`startRoundcube: no answer on ${url} and IMAP ${imapPort} after 30 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const logs = () =>
      [join(dir, 'dovecot.log'), join(dir, 'logs', 'errors.log')]
        .filter((file) => existsSync(file))
        .map((file) => `${file}:\n${readFileSync(file, 'utf8').slice(-3000)}`)
        .join('\n');
    const maildir = join(mail, ROUNDCUBE_USER.name, 'Maildir');
    const folderOf = (folder: string) => (folder ? join(maildir, `.${folder}`) : maildir);
    let delivered = 0;
    const deliver = (message: string) => {
      for (const path of [join(mail, ROUNDCUBE_USER.name), maildir, ...['tmp', 'new', 'cur'].map((sub) => join(maildir, sub))]) {
        if (!existsSync(path)) mkdirSync(path, { recursive: true });
        if (mailIds) chownSync(path, mailIds.uid, mailIds.gid);
      }
      const file = join(maildir, 'new', `${Date.now()}.positions${++delivered}.localhost`);
      writeFileSync(file, message.replace(/\r?\n/g, '\r\n'));
      if (mailIds) chownSync(file, mailIds.uid, mailIds.gid);
    };
    const messages = (folder: string) =>
      ['new', 'cur']
        .map((sub) => join(folderOf(folder), sub))
        .filter((path) => existsSync(path))
        .flatMap((path) => readdirSync(path).map((name) => join(path, name)))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
        .map((file) => readFileSync(file, 'latin1'));
    return { url, maildir, deliver, messages, logs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
