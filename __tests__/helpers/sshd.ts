/** Real sshd in containers made from the base image, for the SSH communicator tests. */
import { docker } from './docker';
import { randomBytes } from 'node:crypto';

/**
 * Host keys for a machine that has none: ed25519 and ECDSA, made in milliseconds each
 * (`ssh-keygen -A` also makes a 3072-bit RSA key, a second of CPU per machine). Every machine
 * gets keys of its own.
 */
export const MAKE_HOST_KEYS =
  "for t in ed25519 ecdsa; do [ -f /etc/ssh/ssh_host_${t}_key ] || ssh-keygen -q -t $t -N '' -f /etc/ssh/ssh_host_${t}_key; done";

export interface Sshd {
  id: string;
  /** The address tests connect to (the container's address on its first network). */
  ip: string;
  ips: Record<string, string>;
  password: string;
  remove(): Promise<void>;
}

/**
 * Starts sshd in a debian:bookworm container. `delaySeconds` keeps sshd down that long after
 * start (a booting machine). Creating /tmp/reboot makes the container "reboot": every sshd
 * process dies, and sshd comes back 1 s later. A wrong password is refused at once (PAM's
 * two-second delay after a failure is off): the tests count refusals, not seconds.
 */
export async function startSshd(
  opts: {
    delaySeconds?: number;
    authorizedKey?: string;
    networks?: string[];
    extraSetup?: string;
  } = {},
): Promise<Sshd> {
  const password = 'pw-' + randomBytes(6).toString('hex');
  const script = `
set -e
${MAKE_HOST_KEYS}
sed -i 's/pam_unix.so nullok$/pam_unix.so nullok nodelay/' /etc/pam.d/common-auth
mkdir -p /run/sshd /root/.ssh
echo "root:${password}" | chpasswd
printf 'PermitRootLogin yes\\nPasswordAuthentication yes\\nUseDNS no\\n' >> /etc/ssh/sshd_config
echo "${opts.authorizedKey ?? ''}" > /root/.ssh/authorized_keys
chmod 700 /root/.ssh; chmod 600 /root/.ssh/authorized_keys
${opts.extraSetup ?? ''}
sleep ${opts.delaySeconds ?? 0}
killall_sshd() { for p in /proc/[0-9]*; do [ "$(cat $p/comm 2>/dev/null)" = sshd ] && kill -9 \${p#/proc/} 2>/dev/null; done; return 0; }
while true; do
  /usr/sbin/sshd -D -e 2>/dev/null &
  while [ ! -e /tmp/reboot ]; do sleep 0.2; done
  rm -f /tmp/reboot
  killall_sshd
  sleep 1
done
`;
  const [first, ...rest] = opts.networks ?? ['bridge'];
  const c = await docker.createContainer({
    Image: 'debian:bookworm',
    Cmd: ['/bin/bash', '-c', script],
    HostConfig: { NetworkMode: first },
  });
  for (const n of rest) await docker.getNetwork(n).connect({ Container: c.id });
  // networks: ['container:<id>'] shares another container's network namespace.
  await c.start();
  const info = await c.inspect();
  const ips = Object.fromEntries(
    Object.entries(info.NetworkSettings.Networks ?? {}).map(([k, v]) => [k, v.IPAddress]),
  );
  return {
    id: c.id,
    ip: ips[first],
    ips,
    password,
    remove: async () => {
      await c.remove({ force: true }).catch(() => undefined);
    },
  };
}
