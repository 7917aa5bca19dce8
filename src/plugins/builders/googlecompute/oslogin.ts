/**
 * OS Login: the temporary public key imported into the login profile of the account the
 * build runs as, and deleted after. Called over REST with google-auth-library (no extra
 * client library): two calls, importSshPublicKey and sshPublicKeys.delete.
 */
import { createHash } from 'node:crypto';
import type { AuthClient } from 'google-auth-library';
import { GoogleAuth } from 'google-auth-library';
import { BuildError } from '../../../engine/errors';
import { authOf, Credentials, failureOf, gceError, isNotFound, retrying } from './gce';

const SERVICE = 'oslogin.googleapis.com';

/** The OS Login API's base URL; gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_OSLOGIN moves it. */
export function osLoginBase(): string {
  const raw = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_OSLOGIN;
  return (raw ?? `https://${SERVICE}/v1/`).replace(/\/?$/, '/');
}

interface OsLogin {
  client: AuthClient;
  email?: string;
  principal: string;
}

const clients = new Map<string, Promise<OsLogin>>();

function osLogin(c: Credentials, specDir: string): Promise<OsLogin> {
  const key = JSON.stringify([c, specDir]);
  let p = clients.get(key);
  if (!p) {
    p = (async () => {
      const { auth, principal, email } = await authOf(c, specDir);
      const client = auth instanceof GoogleAuth ? await auth.getClient() : auth;
      // A service account key signs its own token for the API it calls: OS Login's.
      if ('defaultServicePath' in client) client.defaultServicePath = SERVICE;
      return { client, email, principal };
    })();
    p.catch(() => clients.delete(key));
    clients.set(key, p);
  }
  return p;
}

/** Google's error text from a failed REST call (the library's message is only the status). */
function restFailure(e: unknown): unknown {
  const data = (e as { response?: { status?: number; data?: unknown } }).response;
  const body = data?.data as { error?: { message?: string; status?: string } } | undefined;
  if (!body?.error?.message) return e;
  return Object.assign(new Error(body.error.message), {
    status: data?.status,
    reason: body.error.status,
  });
}

export interface ImportedKey {
  /** The account whose profile holds the key. */
  account: string;
  fingerprint: string;
  /** The primary POSIX user name of the profile (none if the account may not log in). */
  username?: string;
}

/** The login name Packer's os_login_ssh_username picks: __auto__, __external__ or a name. */
export function loginName(profileUser: string, setting: unknown): string {
  let name = profileUser;
  if (setting === '__external__') {
    if (!/^(sa|ext)_/.test(name)) name = `ext_${name}`;
  } else if (typeof setting === 'string' && setting !== '' && setting !== '__auto__') {
    name = setting;
  }
  return name.slice(0, 32);
}

/** Imports `publicKey` into the profile of the build's account, expiring at `expiresAt`. */
export async function importKey(
  c: Credentials,
  specDir: string,
  project: string,
  publicKey: string,
  expiresAt: number,
  signal?: AbortSignal,
): Promise<ImportedKey> {
  const o = await osLogin(c, specDir);
  if (!o.email)
    throw new BuildError(
      `use_os_login needs the account the build runs as, and ${o.principal} do not name one`,
      'use a service account key (credentials_file / GOOGLE_APPLICATION_CREDENTIALS), Workload Identity Federation with a service account, or impersonate_service_account',
    );
  const account = o.email;
  const key = publicKey.trim();
  let data: {
    loginProfile?: {
      posixAccounts?: { username?: string; primary?: boolean }[];
      sshPublicKeys?: Record<string, { key?: string; fingerprint?: string }>;
    };
  };
  try {
    data = (
      await retrying(async () => {
        try {
          return await o.client.request({
            url: `${osLoginBase()}users/${encodeURIComponent(account)}:importSshPublicKey`,
            method: 'POST',
            params: { projectId: project },
            data: { key, expirationTimeUsec: String(expiresAt * 1000) },
            signal,
          });
        } catch (e) {
          throw restFailure(e);
        }
      }, signal)
    ).data as typeof data;
  } catch (e) {
    throw osLoginError(e, `importing the SSH key into the OS Login profile of ${account}`, o);
  }
  const profile = data.loginProfile ?? {};
  const accounts = profile.posixAccounts ?? [];
  const username = (accounts.find((a) => a.primary) ?? accounts[0])?.username;
  const fingerprint =
    Object.entries(profile.sshPublicKeys ?? {}).find(([, v]) => v.key?.trim() === key)?.[0] ??
    createHash('sha256').update(key).digest('hex');
  return { account, fingerprint, username };
}

/** Deletes an imported key; a key already gone counts as deleted. */
export async function deleteKey(
  c: Credentials,
  specDir: string,
  account: string,
  fingerprint: string,
): Promise<void> {
  const o = await osLogin(c, specDir);
  try {
    await retrying(async () => {
      try {
        return await o.client.request({
          url: `${osLoginBase()}users/${encodeURIComponent(account)}/sshPublicKeys/${encodeURIComponent(fingerprint)}`,
          method: 'DELETE',
        });
      } catch (e) {
        throw restFailure(e);
      }
    });
  } catch (e) {
    if (isNotFound(e)) return;
    throw osLoginError(e, `deleting the SSH key from the OS Login profile of ${account}`, o);
  }
}

function osLoginError(e: unknown, what: string, o: OsLogin): Error {
  if (failureOf(e).status === 403)
    return new BuildError(
      `${what}: ${failureOf(e).message}`,
      `${o.principal} may not change its OS Login profile: grant it roles/compute.osAdminLogin on the project and make sure the OS Login API is enabled`,
    );
  return gceError(e, what, o.principal);
}

/** Forgets the clients (between tests). */
export function closeOsLogin(): void {
  clients.clear();
}
