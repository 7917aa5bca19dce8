/**
 * ssh_clear_authorized_keys (Packer's name): before the image is made, the key bake gave the
 * machine leaves the login user's authorized_keys, and root's where bake may write it.
 */
import { BuildError } from '../engine/context';
import { Communicator, shQuote } from './communicator';

/** The shell that drops every line holding `blob` from one authorized_keys file. */
function dropFrom(file: string, blob: string): string {
  // grep -F: the key is text, not a pattern (base64 has + and /); cat > keeps the mode.
  return `f=${file}; [ -f "$f" ] || exit 0; grep -v -F -- ${shQuote(blob)} "$f" > "$f.bake-tmp" || true; cat "$f.bake-tmp" > "$f"; rm -f "$f.bake-tmp"; ! grep -q -F -- ${shQuote(blob)} "$f"`;
}

/**
 * With ssh_clear_authorized_keys set, takes `publicKey` (the key bake gave the machine; none
 * when the machine has a key of the user's own) out of its authorized_keys.
 */
export async function clearAuthorizedKey(
  config: Record<string, unknown>,
  comm: Communicator | undefined,
  publicKey: string | undefined,
  ctx: { signal: AbortSignal; log: (line: string) => void },
): Promise<void> {
  if (config.ssh_clear_authorized_keys !== true || !comm) return;
  const { signal, log } = ctx;
  if (!publicKey)
    return log('ssh_clear_authorized_keys: no temporary key was given to the machine');
  const blob = publicKey.trim().split(/\s+/)[1];
  if (!blob) throw new BuildError('ssh_clear_authorized_keys: the public key has no key data');
  const mine = dropFrom('"$HOME/.ssh/authorized_keys"', blob);
  const root = dropFrom('/root/.ssh/authorized_keys', blob);
  // Root's file as well when the user is root or may sudo without a password, as Packer does.
  const command = `sh -c ${shQuote(mine)} && if [ "$(id -u)" = 0 ]; then sh -c ${shQuote(root)}; elif command -v sudo >/dev/null 2>&1; then sudo -n sh -c ${shQuote(root)} 2>/dev/null || true; fi`;
  log("removing bake's key from the machine's authorized_keys (ssh_clear_authorized_keys)");
  const r = await comm.exec(command, { signal });
  if (r.exitCode !== 0)
    throw new BuildError(
      `ssh_clear_authorized_keys: the key could not be removed from authorized_keys (exit ${r.exitCode}${r.tail.length ? `: ${r.tail.join(' ')}` : ''})`,
      'the image would keep it; check that the login user may write ~/.ssh/authorized_keys',
    );
}
