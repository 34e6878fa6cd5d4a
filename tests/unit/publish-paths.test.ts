import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRelative, checkRemoteDir, remoteJoin } from '../../core/publish/remote-paths.js';
import { fingerprintOf, normaliseFingerprint } from '../../core/publish/sftp-client.js';
import { parseSftpUrl } from '../../cli/commands/publish.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

test('remote paths never leave the remote folder (Unix and Windows-style attempts)', () => {
  assert.equal(checkRemoteDir('/var/www/zfgs/'), '/var/www/zfgs');
  assert.equal(checkRemoteDir('www/zfgs'), 'www/zfgs', 'relative to the login folder');
  for (const bad of ['/srv/../etc', '..', 'C:\\inetpub\\wwwroot', '/srv/www\\..\\x', '/srv/\u0000x']) assert.equal(code(() => checkRemoteDir(bad)), 'REMOTE_PATH_ESCAPE', bad);
  assert.equal(code(() => checkRemoteDir('/')), 'INVALID_INPUT');
  assert.equal(checkRelative('penalty/2026/12.html'), 'penalty/2026/12.html');
  for (const bad of ['../x', '/etc/passwd', 'a/../../b', 'a//b', './a', 'a\\b', 'C:/x', 'C:x', 'a/\nb']) assert.equal(code(() => checkRelative(bad)), 'REMOTE_PATH_ESCAPE', bad);
  assert.equal(remoteJoin('/var/www/zfgs', 'releases/ab/index.html'), '/var/www/zfgs/releases/ab/index.html');
});

test('host key fingerprints in the OpenSSH form', () => {
  const key = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyBlobForTests00000000000000000000', 'base64');
  const fp = fingerprintOf(key);
  assert.match(fp, /^SHA256:[A-Za-z0-9+/]{43}$/);
  assert.equal(normaliseFingerprint(fp.slice(7)), fp, 'prefix optional');
  assert.equal(normaliseFingerprint(`${fp}=`), fp, 'padding tolerated');
  assert.equal(normaliseFingerprint('MD5:ab:cd'), '');
});

test('sftp:// addresses of the publish command', () => {
  assert.deepEqual(parseSftpUrl('sftp://www@127.0.0.1:2222/var/www/zfgs'), { host: '127.0.0.1', port: 2222, username: 'www', remoteDir: '/var/www/zfgs' });
  assert.deepEqual(parseSftpUrl('sftp://deploy@[::1]/srv/%E5%85%AC%E7%A4%BA'), { host: '::1', port: 22, username: 'deploy', remoteDir: '/srv/公示' });
  assert.throws(() => parseSftpUrl('http://x/y'));
  assert.throws(() => parseSftpUrl('sftp://host/dir'), /用户/);
});

test('the fast join used per file refuses the same escapes', async () => {
  const { fastJoin } = await import('../../core/publish/remote-paths.js');
  assert.equal(fastJoin('/srv/www', 'releases/ab/penalty/2026/1.html'), '/srv/www/releases/ab/penalty/2026/1.html');
  for (const bad of ['', '../x', 'a/../b', 'a/..', '.', './a', 'a//b', '/abs', 'a\\b', 'C:/x', 'a\u0001b']) {
    assert.equal(code(() => fastJoin('/srv/www', bad)), 'REMOTE_PATH_ESCAPE', JSON.stringify(bad));
  }
});
