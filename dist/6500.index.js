"use strict";
exports.id = 6500;
exports.ids = [6500];
exports.modules = {

/***/ 96500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runChecks: () => (/* binding */ runChecks)
});

// UNUSED EXPORTS: listeningSockets, procAddress

// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(54717);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/trust/version.ts
/**
 * Version order as Debian's policy defines it (epoch, upstream version, revision; `~` sorts
 * before everything, even the end), which rpm and apk versions follow closely enough for a
 * constraint such as ">= 1.2".
 */
function parse(v) {
    let rest = v.trim();
    let epoch = 0;
    const colon = rest.indexOf(':');
    if (colon > 0 && /^\d+$/.test(rest.slice(0, colon))) {
        epoch = Number(rest.slice(0, colon));
        rest = rest.slice(colon + 1);
    }
    const dash = rest.lastIndexOf('-');
    return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}
/** The weight of one character in the non-digit parts: ~ first, then the end, letters, the rest. */
function weight(c) {
    if (c === undefined)
        return 0;
    if (c === '~')
        return -1;
    if (/[A-Za-z]/.test(c))
        return c.charCodeAt(0);
    return c.charCodeAt(0) + 256;
}
function comparePart(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        // The non-digit run, character by character.
        while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
            const ca = i < a.length && !/\d/.test(a[i]) ? a[i] : undefined;
            const cb = j < b.length && !/\d/.test(b[j]) ? b[j] : undefined;
            const d = weight(ca) - weight(cb);
            if (d)
                return d;
            if (ca !== undefined)
                i++;
            if (cb !== undefined)
                j++;
        }
        // The digit run, as a number.
        let na = '';
        let nb = '';
        while (i < a.length && /\d/.test(a[i]))
            na += a[i++];
        while (j < b.length && /\d/.test(b[j]))
            nb += b[j++];
        const d = compareDigits(na, nb);
        if (d)
            return d;
    }
    return 0;
}
function compareDigits(a, b) {
    const x = a.replace(/^0+/, '');
    const y = b.replace(/^0+/, '');
    if (x.length !== y.length)
        return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
}
/** Negative, zero or positive as `a` sorts before, with or after `b`. */
function compareVersions(a, b) {
    const [ea, ua, ra] = parse(a);
    const [eb, ub, rb] = parse(b);
    if (ea !== eb)
        return ea - eb;
    return comparePart(ua, ub) || comparePart(ra, rb);
}
/** Whether `installed` meets a constraint written "1.2", "= 1.2", ">= 1.2", "< 2", "!= 1.3". */
function satisfies(installed, constraint) {
    const m = /^\s*(==|=|!=|<=|>=|<|>)?\s*(\S+)\s*$/.exec(constraint);
    if (!m)
        return false;
    const c = compareVersions(installed, m[2]);
    switch (m[1] ?? '=') {
        case '=':
        case '==':
            return c === 0;
        case '!=':
            return c !== 0;
        case '<':
            return c < 0;
        case '<=':
            return c <= 0;
        case '>':
            return c > 0;
        default:
            return c >= 0;
    }
}

;// CONCATENATED MODULE: ./src/trust/checks.ts
/**
 * The checks of `tests:`, run through the build's communicator on the provisioned machine.
 * Each reads the machine with POSIX sh and the usual tools (stat, grep, getent; /proc for
 * ports and kernel parameters) and is judged here, so a machine needs no agent. All checks
 * run; a failure is a result, not an exception.
 */





/** At most this much of a command's output is kept for matching. */
const MAX_OUTPUT = 1024 * 1024;
/** Runs a script in the machine and keeps what it prints. */
async function capture(comm, script, signal, timeoutMs) {
    const out = [];
    const err = [];
    let size = 0;
    const keep = (to) => (line) => {
        if (size > MAX_OUTPUT)
            return;
        size += line.length + 1;
        to.push(line);
    };
    const deadline = timeoutMs ? (0,steps/* withTimeout */.wj)(signal, timeoutMs) : undefined;
    try {
        const r = await comm.exec(script, {
            signal: deadline?.signal ?? signal,
            onStdout: keep(out),
            onStderr: keep(err),
        });
        return { code: r.exitCode, stdout: out.join('\n'), stderr: err.join('\n'), timedOut: false };
    }
    catch (e) {
        if (deadline?.signal.aborted && !signal.aborted)
            return { code: -1, stdout: out.join('\n'), stderr: err.join('\n'), timedOut: true };
        throw e;
    }
    finally {
        deadline?.clear();
    }
}
/** `key value` lines into a map (the first word is the key). */
function fields(text) {
    const m = new Map();
    for (const line of text.split('\n')) {
        const i = line.indexOf(' ');
        if (i > 0)
            m.set(line.slice(0, i), line.slice(i + 1));
        else if (line)
            m.set(line, '');
    }
    return m;
}
const checks_short = (s, n = 200) => {
    const one = (0,redact/* redact */.E$)(s).replace(/\s+/g, ' ').trim();
    return one.length > n ? one.slice(0, n) + '…' : one;
};
const str = (v) => String(v);
const list = (v) => Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
const packageCheck = async (c, comm, signal) => {
    const name = str(c.package);
    const q = (0,communicator/* shQuote */.US)(name);
    const r = await capture(comm, `if command -v dpkg-query >/dev/null 2>&1; then echo manager dpkg; dpkg-query -W -f='\${Status}\\t\${Version}\\n' -- ${q} 2>/dev/null
elif command -v rpm >/dev/null 2>&1; then echo manager rpm; rpm -q --qf 'installed\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\n' -- ${q} 2>/dev/null | grep '^installed'
elif [ -f /lib/apk/db/installed ]; then echo manager apk; awk -v p=${q} '/^P:/{n=substr($0,3)} /^V:/{if(n==p)print "installed\\t" substr($0,3)}' /lib/apk/db/installed
else echo manager none; fi; exit 0`, signal);
    const lines = r.stdout.split('\n');
    const manager = lines[0]?.replace(/^manager /, '');
    if (manager === 'none' || !manager)
        return { details: ['the machine has no package database (dpkg, rpm or apk) to ask'] };
    const versions = lines
        .slice(1)
        .map((l) => l.split('\t'))
        .filter(([status]) => status === 'installed' || / installed$/.test(status ?? ''))
        .map(([, v]) => v);
    const wantInstalled = c.installed !== false;
    if (!wantInstalled)
        return {
            details: versions.length
                ? [`${name} is installed (${versions.join(', ')}), and must not be`]
                : [],
        };
    if (!versions.length)
        return { details: [`${name} is not installed (${manager})`] };
    if (c.version !== undefined && !versions.some((v) => satisfies(v, str(c.version))))
        return { details: [`${name} is at ${versions.join(', ')}, not ${str(c.version).trim()}`] };
    return { details: [] };
};
const fileCheck = async (c, comm, signal) => {
    const path = str(c.file);
    const q = (0,communicator/* shQuote */.US)(path);
    const contains = list(c.contains);
    const absent = list(c.not_contains);
    const matches = list(c.matches);
    const script = [
        `F=${q}`,
        `if [ ! -e "$F" ] && [ ! -L "$F" ]; then echo exists no; exit 0; fi`,
        'echo exists yes',
        'if [ -L "$F" ]; then echo type symlink; elif [ -d "$F" ]; then echo type directory; elif [ -f "$F" ]; then echo type file; else echo type other; fi',
        `stat -L -c 'stat %a %U %G' "$F" 2>/dev/null || echo stat unknown`,
        ...(c.sha256 !== undefined
            ? [`[ -f "$F" ] && { sha256sum "$F" 2>/dev/null | cut -c1-64 | sed 's/^/sha256 /'; }`]
            : []),
        ...contains.map((s, i) => `grep -qF -e ${(0,communicator/* shQuote */.US)(s)} "$F" 2>/dev/null && echo c${i} yes || echo c${i} no`),
        ...absent.map((s, i) => `grep -qF -e ${(0,communicator/* shQuote */.US)(s)} "$F" 2>/dev/null && echo n${i} yes || echo n${i} no`),
        ...matches.map((s, i) => `grep -qE -e ${(0,communicator/* shQuote */.US)(s)} "$F" 2>/dev/null && echo m${i} yes || echo m${i} no`),
        'exit 0',
    ].join('\n');
    const f = fields((await capture(comm, script, signal)).stdout);
    const wantExists = c.exists !== false;
    if (f.get('exists') !== 'yes')
        return { details: wantExists ? [`${path} does not exist`] : [] };
    if (!wantExists)
        return { details: [`${path} exists, and must not`] };
    const d = [];
    const type = f.get('type');
    if (c.filetype !== undefined && type !== c.filetype)
        d.push(`${path} is a ${type}, not a ${str(c.filetype)}`);
    const [mode, owner, group] = (f.get('stat') ?? '').split(' ');
    if (c.mode !== undefined) {
        const want = parseInt(str(c.mode), 8);
        if (mode === 'unknown')
            d.push(`the mode of ${path} could not be read (no stat in the machine)`);
        else if (parseInt(mode, 8) !== want)
            d.push(`${path} has mode ${mode.padStart(4, '0')}, not ${want.toString(8).padStart(4, '0')}`);
    }
    if (c.owner !== undefined && owner !== str(c.owner))
        d.push(`${path} is owned by ${owner}, not ${str(c.owner)}`);
    if (c.group !== undefined && group !== str(c.group))
        d.push(`${path} has group ${group}, not ${str(c.group)}`);
    if (c.sha256 !== undefined) {
        const got = f.get('sha256');
        if (!got)
            d.push(`${path} could not be hashed (not a regular file, or no sha256sum)`);
        else if (got.toLowerCase() !== str(c.sha256).toLowerCase())
            d.push(`${path} has sha256 ${got}`);
    }
    contains.forEach((s, i) => f.get(`c${i}`) !== 'yes' &&
        d.push(`${path} does not contain ${JSON.stringify(checks_short(s, 80))}`));
    absent.forEach((s, i) => f.get(`n${i}`) === 'yes' && d.push(`${path} contains ${JSON.stringify(checks_short(s, 80))}`));
    matches.forEach((s, i) => f.get(`m${i}`) !== 'yes' && d.push(`no line of ${path} matches /${checks_short(s, 80)}/`));
    return { details: d };
};
/** A pattern from the spec, or a clear detail when it is not a valid regular expression. */
function regex(p) {
    try {
        return new RegExp(p, 'm');
    }
    catch (e) {
        return `/${p}/ is not a valid regular expression: ${e.message}`;
    }
}
const commandCheck = async (c, comm, signal) => {
    const timeoutMs = (0,schema/* parseDuration */.E9)(c.timeout ?? '60s');
    const r = await capture(comm, str(c.command), signal, timeoutMs);
    if (r.timedOut)
        return { details: [`timed out after ${(timeoutMs ?? 0) / 1000}s`] };
    const d = [];
    const want = c.exit_status === undefined ? 0 : Number(c.exit_status);
    if (r.code !== want)
        d.push(`exited ${r.code}, not ${want}${r.stderr ? `: ${checks_short(r.stderr.split('\n').slice(-3).join(' '))}` : ''}`);
    for (const [stream, text] of [
        ['stdout', r.stdout],
        ['stderr', r.stderr],
    ])
        for (const p of list(c[stream])) {
            const re = regex(p);
            if (typeof re === 'string')
                d.push(re);
            else if (!re.test(text))
                d.push(`${stream} does not match /${checks_short(p, 80)}/ (it was ${JSON.stringify(checks_short(text, 120))})`);
        }
    return { details: d };
};
const serviceCheck = async (c, comm, signal) => {
    const unit = /\.[a-z]+$/.test(str(c.service)) ? str(c.service) : `${str(c.service)}.service`;
    const q = (0,communicator/* shQuote */.US)(unit);
    // Where systemd is not running (a container), enablement is still written down: a link
    // in a .wants directory of /etc/systemd/system. Whether it runs cannot be known.
    const r = await capture(comm, `if [ -d /run/systemd/system ]; then echo systemd yes; else echo systemd no; fi
if command -v systemctl >/dev/null 2>&1; then echo enabled "$(systemctl is-enabled -- ${q} 2>/dev/null)"
elif [ -d /etc/systemd/system ]; then s=no-link; for l in /etc/systemd/system/*.wants/${q}; do if [ -e "$l" ] || [ -L "$l" ]; then s=linked; fi; done; echo enabled $s
else echo enabled no-systemd; fi
[ -d /run/systemd/system ] && echo active "$(systemctl is-active -- ${q} 2>/dev/null)"
exit 0`, signal);
    const f = fields(r.stdout);
    const booted = f.get('systemd') === 'yes';
    const d = [];
    const notChecked = [];
    if (c.enabled !== undefined) {
        const state = (f.get('enabled') ?? '').trim();
        const on = ['enabled', 'enabled-runtime', 'linked'].includes(state);
        if (state === 'no-systemd' || (state === '' && !booted))
            notChecked.push('enabled');
        else if (on !== (c.enabled === true))
            d.push(on
                ? `${unit} is enabled, and must not be`
                : `${unit} is not enabled (${state === 'no-link' ? 'no link in /etc/systemd/system/*.wants' : state || 'no such unit'})`);
    }
    if (c.running !== undefined) {
        if (!booted)
            notChecked.push('running');
        else {
            const state = f.get('active') || 'unknown';
            if ((state === 'active') !== (c.running === true))
                d.push(c.running ? `${unit} is ${state}, not running` : `${unit} is running, and must not be`);
        }
    }
    const asked = [c.enabled, c.running].filter((x) => x !== undefined).length;
    if (!d.length && notChecked.length === asked && asked)
        return { details: [], skipped: `skipped: no systemd (${notChecked.join(', ')} not checked)` };
    return { details: d };
};
const userCheck = async (c, comm, signal) => {
    const name = str(c.user);
    const q = (0,communicator/* shQuote */.US)(name);
    const r = await capture(comm, `P=$(getent passwd -- ${q} 2>/dev/null || grep "^${name.replace(/[^A-Za-z0-9._-]/g, '')}:" /etc/passwd)
[ -n "$P" ] || { echo exists no; exit 0; }
echo exists yes; echo "passwd $P"; echo "groups $(id -Gn -- ${q} 2>/dev/null)"; exit 0`, signal);
    const f = fields(r.stdout);
    const wantExists = c.exists !== false;
    if (f.get('exists') !== 'yes')
        return { details: wantExists ? [`user ${name} does not exist`] : [] };
    if (!wantExists)
        return { details: [`user ${name} exists, and must not`] };
    const [, , uid, gid, , home, shell] = (f.get('passwd') ?? '').split(':');
    const groups = (f.get('groups') ?? '').split(/\s+/).filter(Boolean);
    const d = [];
    if (c.uid !== undefined && Number(uid) !== Number(c.uid))
        d.push(`user ${name} has uid ${uid}, not ${str(c.uid)}`);
    if (c.gid !== undefined && Number(gid) !== Number(c.gid))
        d.push(`user ${name} has gid ${gid}, not ${str(c.gid)}`);
    if (c.home !== undefined && home !== str(c.home))
        d.push(`user ${name} has home ${home}, not ${str(c.home)}`);
    if (c.shell !== undefined && shell !== str(c.shell))
        d.push(`user ${name} has shell ${shell}, not ${str(c.shell)}`);
    const missing = list(c.groups).filter((g) => !groups.includes(g));
    if (missing.length)
        d.push(`user ${name} is not in ${missing.join(', ')} (it is in ${groups.join(', ') || 'none'})`);
    return { details: d };
};
const groupCheck = async (c, comm, signal) => {
    const name = str(c.group);
    const r = await capture(comm, `getent group -- ${(0,communicator/* shQuote */.US)(name)} 2>/dev/null || grep "^${name.replace(/[^A-Za-z0-9._-]/g, '')}:" /etc/group; exit 0`, signal);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${name}:`));
    const wantExists = c.exists !== false;
    if (!line)
        return { details: wantExists ? [`group ${name} does not exist`] : [] };
    if (!wantExists)
        return { details: [`group ${name} exists, and must not`] };
    const gid = line.split(':')[2];
    return {
        details: c.gid !== undefined && Number(gid) !== Number(c.gid)
            ? [`group ${name} has gid ${gid}, not ${str(c.gid)}`]
            : [],
    };
};
/** An address of /proc/net/{tcp,udp}[6]: little-endian 32-bit words in hex. */
function procAddress(hex) {
    const words = hex.match(/.{8}/g) ?? [];
    const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
    if (bytes.length === 4)
        return bytes.join('.');
    // IPv4-mapped IPv6 is shown as IPv4.
    if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255)
        return bytes.slice(12).join('.');
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
    return groups
        .join(':')
        .replace(/(^|:)0(:0)+(:|$)/, '::')
        .replace(/:{3,}/, '::');
}
/** Sockets listening (tcp) or bound (udp) from the text of /proc/net files. */
function listeningSockets(text, protocol) {
    const out = [];
    for (const line of text.split('\n')) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 4 || !/^\d+:$/.test(cols[0]))
            continue;
        const [addr, port] = cols[1].split(':');
        const state = cols[3];
        // tcp: 0A is LISTEN; udp: 07 is a bound, unconnected socket.
        if ((protocol === 'tcp' && state !== '0A') || (protocol === 'udp' && state !== '07'))
            continue;
        out.push({ address: procAddress(addr), port: parseInt(port, 16) });
    }
    return out;
}
const portCheck = async (c, comm, signal) => {
    const protocol = c.protocol === 'udp' ? 'udp' : 'tcp';
    const port = Number(c.port);
    const r = await capture(comm, `cat /proc/net/${protocol} /proc/net/${protocol}6 2>/dev/null; exit 0`, signal);
    if (!r.stdout.trim())
        return { details: [`/proc/net/${protocol} could not be read in the machine`] };
    const on = listeningSockets(r.stdout, protocol).filter((s) => s.port === port);
    const want = c.address === undefined ? on : on.filter((s) => s.address === str(c.address));
    const wantListening = c.listening !== false;
    if (wantListening && !want.length)
        return {
            details: [
                on.length
                    ? `${protocol}/${port} is bound to ${on.map((s) => s.address).join(', ')}, not ${str(c.address)}`
                    : `nothing ${protocol === 'tcp' ? 'listens' : 'is bound'} on ${protocol}/${port}`,
            ],
        };
    if (!wantListening && want.length)
        return {
            details: [
                `${protocol}/${port} is open on ${want.map((s) => s.address).join(', ')}, and must not be`,
            ],
        };
    return { details: [] };
};
const sysctlCheck = async (c, comm, signal) => {
    const key = str(c.sysctl);
    const file = `/proc/sys/${key.replace(/\./g, '/')}`;
    const r = await capture(comm, `cat ${(0,communicator/* shQuote */.US)(file)}`, signal);
    if (r.code !== 0)
        return { details: [`${key} is not a kernel parameter the machine has (${file})`] };
    const got = r.stdout.trim().split(/\s+/).join(' ');
    const want = str(c.value).trim().split(/\s+/).join(' ');
    return { details: got === want ? [] : [`${key} is ${got}, not ${want}`] };
};
const httpCheck = async (c, comm, signal) => {
    const url = str(c.http);
    const secs = Math.max(1, Math.ceil(((0,schema/* parseDuration */.E9)(c.timeout ?? '10s') ?? 10_000) / 1000));
    const k = c.insecure === true;
    const q = (0,communicator/* shQuote */.US)(url);
    const py = `import ssl,sys,urllib.request,urllib.error
ctx=ssl._create_unverified_context() if ${k ? 'True' : 'False'} else None
try:
  r=urllib.request.urlopen(sys.argv[1],timeout=${secs},context=ctx); code=r.status; body=r.read()
except urllib.error.HTTPError as e:
  code=e.code; body=e.read()
sys.stdout.write(body.decode('utf-8','replace')); sys.stdout.write('\\n__bake_status=%d\\n' % code)`;
    const r = await capture(comm, `if command -v curl >/dev/null 2>&1; then curl -sS ${k ? '-k ' : ''}--max-time ${secs} -w '\\n__bake_status=%{http_code}\\n' ${q}
elif command -v python3 >/dev/null 2>&1; then python3 -c ${(0,communicator/* shQuote */.US)(py)} ${q}
elif command -v wget >/dev/null 2>&1; then wget -q -S ${k ? '--no-check-certificate ' : ''}-T ${secs} -O - ${q} 2>/tmp/.bake-http-$$; s=$(grep -o 'HTTP/[0-9.]* [0-9]*' /tmp/.bake-http-$$ | tail -n1 | cut -d' ' -f2); rm -f /tmp/.bake-http-$$; printf '\\n__bake_status=%s\\n' "$s"
else echo __bake_no_client; fi`, signal, (secs + 5) * 1000);
    if (r.stdout.includes('__bake_no_client'))
        return { details: ['the machine has none of curl, python3 or wget to make the request with'] };
    const m = /\n?__bake_status=(\d*)\n?$/.exec(r.stdout);
    const status = m?.[1] ? Number(m[1]) : 0;
    const body = m ? r.stdout.slice(0, m.index) : r.stdout;
    const want = c.status === undefined ? 200 : Number(c.status);
    if (!status || r.timedOut)
        return { details: [`no answer from ${url}${r.stderr ? `: ${checks_short(r.stderr)}` : ''}`] };
    const d = [];
    if (status !== want)
        d.push(`${url} answered ${status}, not ${want}`);
    for (const p of list(c.body)) {
        const re = regex(p);
        if (typeof re === 'string')
            d.push(re);
        else if (!re.test(body))
            d.push(`the body of ${url} does not match /${checks_short(p, 80)}/`);
    }
    return { details: d };
};
const JUDGES = {
    package: packageCheck,
    file: fileCheck,
    command: commandCheck,
    service: serviceCheck,
    user: userCheck,
    group: groupCheck,
    port: portCheck,
    sysctl: sysctlCheck,
    http: httpCheck,
};
/** Runs every check (a failing one does not stop the rest) and says how each went. */
async function runChecks(uses, comm, signal) {
    const results = [];
    for (const u of uses) {
        const t0 = performance.now();
        let r;
        try {
            r = await JUDGES[u.type](u.config, comm, signal);
        }
        catch (e) {
            if (signal.aborted)
                throw e;
            r = { details: [`could not run the check: ${e.message}`] };
        }
        results.push({
            type: u.type,
            label: (0,redact/* redact */.E$)(u.label),
            status: r.skipped ? 'skipped' : r.details.length ? 'failed' : 'passed',
            details: (r.skipped ? [r.skipped] : r.details).map((l) => (0,redact/* redact */.E$)(l)),
            at: u.at,
            durationMs: Math.round(performance.now() - t0),
        });
    }
    return results;
}


/***/ })

};
;