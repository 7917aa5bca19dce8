"use strict";
exports.id = 9113;
exports.ids = [9113];
exports.modules = {

/***/ 99113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cyclonedxJson: () => (/* binding */ cyclonedxJson),
/* harmony export */   readInventory: () => (/* binding */ readInventory),
/* harmony export */   spdxJson: () => (/* binding */ spdxJson)
/* harmony export */ });
/* unused harmony exports RPM_QUERY_FORMAT, parseOsRelease, parseRpmRecords, spdxExpression */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54567);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87091);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(packageurl_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17679);
/**
 * The software bill of materials of a finished machine: what its package databases (dpkg,
 * rpm, apk) say is installed, read through the build's communicator, written as CycloneDX
 * 1.6 JSON or SPDX 2.3 JSON.
 *
 * Reading costs one command to find the os-release file and the databases, then one command
 * per database; each database is parsed here, line by line as it streams in, so the machine
 * needs nothing but a POSIX shell, `cat` and `test` (and `rpm` for an rpm database, which has
 * no text form).
 */




// ---------------------------------------------------------------------------------------
// Reading the machine
const MARK = 'bake-sbom:';
/** Paths an rpm database lives at: Berkeley DB (older), ndb (SUSE) and sqlite (newer). */
const RPM_DB_FILES = ['Packages', 'Packages.db', 'rpmdb.sqlite'].flatMap((f) => [
    `/var/lib/rpm/${f}`,
    `/usr/lib/sysimage/rpm/${f}`,
]);
const PROBE = [
    // os-release last, after the marker lines: its keys are [A-Z0-9_], so no line of it can
    // start with the marker.
    `test -f /var/lib/dpkg/status && echo ${MARK}dpkg`,
    `test -d /var/lib/dpkg/status.d && echo ${MARK}dpkg-d`,
    `for f in ${RPM_DB_FILES.join(' ')}; do if test -f "$f"; then echo ${MARK}rpmdb; break; fi; done`,
    `command -v rpm >/dev/null 2>&1 && echo ${MARK}rpm`,
    `test -f /lib/apk/db/installed && echo ${MARK}apk`,
    `for f in /etc/os-release /usr/lib/os-release; do if test -f "$f"; then echo ${MARK}os; cat "$f"; break; fi; done`,
    'exit 0',
].join('\n');
/** The dpkg status file, then every stanza file of a distroless image (not its md5sums). */
const DPKG_CAT = `set -e
if test -f /var/lib/dpkg/status; then cat /var/lib/dpkg/status; echo; fi
if test -d /var/lib/dpkg/status.d; then
  for f in /var/lib/dpkg/status.d/*; do
    case "$f" in *.md5sums) continue ;; esac
    if test -f "$f"; then echo '${MARK}status.d'; cat "$f"; echo; fi
  done
fi`;
// One line per package, fields separated by tabs, the summary last (so a tab inside it
// cannot shift the others). The leading marker tells a record from anything else.
const RPM_FIELDS = [
    'NAME',
    'EPOCH',
    'VERSION',
    'RELEASE',
    'ARCH',
    'SOURCERPM',
    'LICENSE',
    'PACKAGER',
    'VENDOR',
    'SUMMARY',
];
const RPM_QUERY_FORMAT = `${MARK}${RPM_FIELDS.map((f) => `%{${f}}`).join('\\t')}\\n`;
const RPM_QUERY = `rpm -qa --qf '${RPM_QUERY_FORMAT}'`;
/** Runs one command and hands each stdout line to `line`; a failure is a BuildError. */
async function stream(comm, command, what, signal, line) {
    const errors = [];
    let result;
    try {
        result = await comm.exec(command, {
            signal,
            onStdout: line,
            onStderr: (l) => {
                errors.push(l);
                if (errors.length > 10)
                    errors.shift();
            },
        });
    }
    catch (e) {
        if (signal.aborted)
            throw e;
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`sbom: could not ${what} on the machine: ${e.message}`, "the SBOM is read through the build's connection with /bin/sh; check that the machine is still up and has a shell");
    }
    if (result.exitCode !== 0) {
        const said = errors.length ? errors.join(' | ') : result.tail.slice(-5).join(' | ');
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`sbom: could not ${what} on the machine: the command exited with code ${result.exitCode}${said ? `: ${said}` : ''}`, 'the SBOM needs /bin/sh and cat in the machine (and rpm for an rpm database), run as a user that can read the package databases', result.tail);
    }
}
/** Reads os-release(5): KEY=value, the value bare or quoted, # comments. */
function parseOsRelease(text) {
    const v = {};
    for (const raw of text.split(/\r?\n/)) {
        const m = /^\s*([A-Za-z0-9_]+)=(.*)$/.exec(raw);
        if (!m)
            continue;
        let value = m[2].trim();
        if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
            value = value.slice(1, -1).replace(/\\(["\\`$])/g, '$1');
        else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2)
            value = value.slice(1, -1);
        v[m[1]] = value;
    }
    const os = { id: (v.ID || 'linux').toLowerCase() };
    if (v.VERSION_ID)
        os.versionId = v.VERSION_ID;
    if (v.NAME)
        os.name = v.NAME;
    if (v.PRETTY_NAME)
        os.prettyName = v.PRETTY_NAME;
    if (v.VERSION_CODENAME)
        os.versionCodename = v.VERSION_CODENAME;
    return os;
}
/** The `distro` qualifier: "debian-12", else the codename ("debian-trixie"), else none. */
function distroOf(os) {
    const release = os.versionId ?? os.versionCodename;
    return release ? `${os.id}-${release}` : undefined;
}
function purlOf(type, os, name, version, qualifiers) {
    const q = {};
    for (const [k, v] of Object.entries(qualifiers))
        if (v)
            q[k] = v;
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_2__.PackageURL(type, os.id, name, version, q, undefined).toString();
}
/**
 * Collects RFC 822 style stanzas line by line. Only the first line of a field is kept
 * (continuation lines start with a space); every field this module reads is one line, and
 * a Description's first line is its summary.
 */
class StanzaReader {
    emit;
    separator;
    current = {};
    last;
    constructor(emit, separator) {
        this.emit = emit;
        this.separator = separator;
    }
    line(l) {
        if (l.trim() === '') {
            this.flush();
            return;
        }
        if (l.startsWith(' ') || l.startsWith('\t'))
            return;
        const m = this.separator.exec(l);
        if (!m)
            return;
        this.last = m[1];
        // The first occurrence wins: a stanza never repeats the fields read here.
        if (!(m[1] in this.current))
            this.current[m[1]] = m[2].trim();
    }
    flush() {
        if (this.last !== undefined)
            this.emit(this.current);
        this.current = {};
        this.last = undefined;
    }
}
async function readDpkg(comm, os, signal) {
    const out = [];
    // Stanzas of /var/lib/dpkg/status carry a Status; those of a distroless status.d (written
    // from the packages' control files) may not, and every one of them is installed.
    let inStatusD = false;
    const reader = new StanzaReader((f) => {
        if (!f.Package || !f.Version)
            return;
        if (f.Status !== undefined || !inStatusD) {
            // "want flag state": installed is the state; want may be install, hold or
            // deinstall (asked to go, not yet gone).
            const state = (f.Status ?? '').split(/\s+/)[2];
            if (state !== 'installed')
                return;
        }
        const name = f.Package;
        const version = f.Version;
        let source;
        let sourceVersion;
        if (f.Source) {
            const m = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(f.Source);
            if (m) {
                source = m[1];
                sourceVersion = m[2]?.trim() || version;
            }
        }
        if (source === name && sourceVersion === version)
            source = sourceVersion = undefined;
        const arch = f.Architecture || undefined;
        // The source as syft and grype write it: the name, with the version when it differs.
        const upstream = source === undefined
            ? undefined
            : sourceVersion !== version
                ? `${source}@${sourceVersion}`
                : source;
        const p = {
            name,
            version,
            ecosystem: 'deb',
            purl: purlOf('deb', os, name, version, { arch, distro: distroOf(os), upstream }),
        };
        if (arch)
            p.arch = arch;
        if (source !== undefined) {
            p.source = source;
            p.sourceVersion = sourceVersion;
        }
        if (f.Maintainer)
            p.maintainer = f.Maintainer;
        if (f.Description)
            p.description = f.Description;
        out.push(p);
    }, /^([A-Za-z0-9][A-Za-z0-9-]*):(.*)$/);
    await stream(comm, DPKG_CAT, 'read the dpkg database', signal, (l) => {
        if (l === `${MARK}status.d`) {
            reader.flush();
            inStatusD = true;
            return;
        }
        reader.line(l);
    });
    reader.flush();
    return out;
}
async function readApk(comm, os, signal) {
    const out = [];
    const reader = new StanzaReader((f) => {
        const name = f.P;
        const version = f.V;
        if (!name || !version)
            return;
        const arch = f.A || undefined;
        const p = {
            name,
            version,
            ecosystem: 'apk',
            purl: purlOf('apk', os, name, version, {
                arch,
                distro: distroOf(os),
                // apk's own name for it: every subpackage names the APKBUILD it came from.
                upstream: f.o && f.o !== name ? f.o : undefined,
            }),
        };
        if (arch)
            p.arch = arch;
        if (f.o && f.o !== name) {
            p.source = f.o;
            p.sourceVersion = version;
        }
        if (f.L)
            p.licenses = [f.L];
        if (f.m)
            p.maintainer = f.m;
        if (f.T)
            p.description = f.T;
        out.push(p);
    }, 
    // Single-letter keys; the file lists (R:, Z:, ...) are dropped as they stream past.
    /^([PVAoLmT]):(.*)$/);
    await stream(comm, 'cat /lib/apk/db/installed', 'read the apk database', signal, (l) => reader.line(l));
    reader.flush();
    return out;
}
const none = (v) => v === undefined || v === '' || v === '(none)' ? undefined : v;
/** "bash-5.1.8-6.el9.src.rpm" as its name and version-release. */
function sourceRpm(file) {
    const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
    return m ? { name: m[1], version: `${m[2]}-${m[3]}` } : undefined;
}
/** Parses lines printed with RPM_QUERY_FORMAT; other lines are ignored. */
function parseRpmRecords(lines, os) {
    const out = [];
    for (const l of lines) {
        if (!l.startsWith(MARK))
            continue;
        const parts = l.slice(MARK.length).split('\t');
        if (parts.length < RPM_FIELDS.length)
            continue;
        const [name, epochRaw, ver, rel, archRaw, srpm, license, packager, vendor] = parts;
        const summary = parts.slice(RPM_FIELDS.length - 1).join('\t');
        // Imported signing keys show up as packages; they are no software.
        if (name === 'gpg-pubkey')
            continue;
        const epoch = none(epochRaw);
        const version = rel && rel !== '(none)' ? `${ver}-${rel}` : ver;
        const arch = none(archRaw);
        const p = {
            // The purl's version is version-release; the epoch goes in a qualifier. The inventory
            // keeps rpm's own spelling, epoch:version-release, which is what `rpm -q` compares.
            name,
            version: epoch ? `${epoch}:${version}` : version,
            ecosystem: 'rpm',
            purl: '',
        };
        const src = srpm ? sourceRpm(srpm) : undefined;
        if (arch)
            p.arch = arch;
        if (src && (src.name !== name || src.version !== version)) {
            p.source = src.name;
            p.sourceVersion = src.version;
        }
        p.purl = purlOf('rpm', os, name, version, {
            arch,
            epoch,
            distro: distroOf(os),
            upstream: srpm && srpm !== '(none)' ? srpm : undefined,
        });
        if (none(license))
            p.licenses = [license];
        const who = none(packager) ?? none(vendor);
        if (who)
            p.maintainer = who;
        if (none(summary))
            p.description = summary;
        out.push(p);
    }
    return out;
}
async function readRpm(comm, os, signal) {
    const lines = [];
    await stream(comm, RPM_QUERY, 'query the rpm database', signal, (l) => {
        if (l.startsWith(MARK))
            lines.push(l);
    });
    return parseRpmRecords(lines, os);
}
/**
 * Reads /etc/os-release (or /usr/lib/os-release) and every package database present (dpkg,
 * rpm, apk). Throws a BuildError with a clear message and hint when the machine has none.
 */
async function readInventory(comm, signal) {
    const found = new Set();
    const osLines = [];
    let inOs = false;
    await stream(comm, PROBE, 'look for package databases', signal, (l) => {
        if (inOs)
            osLines.push(l);
        else if (l === `${MARK}os`)
            inOs = true;
        else if (l.startsWith(MARK))
            found.add(l.slice(MARK.length));
    });
    const os = parseOsRelease(osLines.join('\n'));
    const packages = [];
    const read = [];
    if (found.has('dpkg') || found.has('dpkg-d')) {
        packages.push(...(await readDpkg(comm, os, signal)));
        read.push('dpkg');
    }
    if (found.has('rpmdb')) {
        if (!found.has('rpm'))
            throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('sbom: the machine has an rpm database but no rpm command to read it', 'the rpm database is binary: keep the rpm package installed until the SBOM is written (remove it in a later image if it must go)');
        packages.push(...(await readRpm(comm, os, signal)));
        read.push('rpm');
    }
    if (found.has('apk')) {
        packages.push(...(await readApk(comm, os, signal)));
        read.push('apk');
    }
    if (read.length === 0)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('sbom: the machine has no package database to read (looked for /var/lib/dpkg/status, /var/lib/dpkg/status.d, an rpm database in /var/lib/rpm or /usr/lib/sysimage/rpm, and /lib/apk/db/installed)', 'the sbom setting needs a dpkg, rpm or apk database in the machine: build on a distribution image (Debian, Ubuntu, Fedora, RHEL, Alpine, ...), or remove sbom from this build');
    // One entry per name, architecture and version, even if a distroless image repeats one.
    const seen = new Set();
    const unique = packages.filter((p) => {
        const key = `${p.ecosystem}\0${p.name}\0${p.arch ?? ''}\0${p.version}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    unique.sort((a, b) => cmp(a.name, b.name) || cmp(a.arch ?? '', b.arch ?? ''));
    return { os, packages: unique };
}
/** Byte order, the same on every machine (localeCompare is not). */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// ---------------------------------------------------------------------------------------
// Licences
/**
 * A licence string as an SPDX licence expression, with the identifiers in their canonical
 * case; undefined when it is not one (old Fedora names such as "GPLv2+", free text).
 * Grammar (SPDX 2.3 annex D): simple := id["+"] | LicenseRef-x; term := simple ["WITH" exc]
 * | "(" expr ")"; expr := term (("AND" | "OR") term)*.
 */
function spdxExpression(text) {
    const tokens = text
        .replace(/([()])/g, ' $1 ')
        .trim()
        .split(/\s+/);
    if (tokens.length === 0 || tokens[0] === '')
        return undefined;
    let i = 0;
    const out = [];
    const simple = () => {
        const t = tokens[i];
        if (t === undefined)
            return false;
        if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t)) {
            out.push(t);
            i++;
            return true;
        }
        const plus = t.endsWith('+');
        const id = _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.fixupSpdxId(plus ? t.slice(0, -1) : t);
        if (!id)
            return false;
        out.push(id + (plus ? '+' : ''));
        i++;
        return true;
    };
    const term = () => {
        if (tokens[i] === '(') {
            out.push('(');
            i++;
            if (!expr() || tokens[i] !== ')')
                return false;
            out.push(')');
            i++;
            return true;
        }
        if (!simple())
            return false;
        if (tokens[i] === 'WITH') {
            const exc = tokens[i + 1];
            if (!exc || !/^[A-Za-z0-9.-]+$/.test(exc) || ['AND', 'OR', 'WITH'].includes(exc))
                return false;
            out.push('WITH', exc);
            i += 2;
        }
        return true;
    };
    const expr = () => {
        if (!term())
            return false;
        while (tokens[i] === 'AND' || tokens[i] === 'OR') {
            out.push(tokens[i]);
            i++;
            if (!term())
                return false;
        }
        return true;
    };
    if (!expr() || i !== tokens.length)
        return undefined;
    return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}
function cdxLicense(text) {
    const expr = spdxExpression(text);
    if (expr && _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.isSupportedSpdxId(expr))
        return new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.SpdxLicense(expr);
    if (expr)
        return new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.LicenseExpression(expr);
    return new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.NamedLicense(text);
}
// ---------------------------------------------------------------------------------------
// CycloneDX
function osTitle(os) {
    return os.prettyName ?? ([os.name ?? os.id, os.versionId].filter(Boolean).join(' ') || os.id);
}
/**
 * CycloneDX 1.6 JSON. The subject (metadata.component) is the baked image, of type
 * "operating-system": 1.6 has no machine-image type, its "container" means an OS-level
 * virtualisation format and so fits only the Docker builder, while "operating-system" is
 * defined as an operating system whatever its deployment (hardware, virtual machine, image),
 * which is what every builder here produces. The distribution it is made from is a component
 * of that type too, beside the packages (type "library", as the database cannot tell
 * programs from libraries).
 */
function cyclonedxJson(inv, meta) {
    const bom = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Bom();
    bom.serialNumber = `urn:uuid:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const image = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.OperatingSystem, meta.name, {
        bomRef: 'image',
        version: meta.version,
        description: `machine image baked from ${osTitle(inv.os)}`,
    });
    bom.metadata = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Metadata({
        timestamp: meta.timestamp,
        component: image,
        tools: new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Tools({
            components: new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.ComponentRepository([
                new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.Application, meta.tool.name, {
                    version: meta.tool.version,
                }),
            ]),
        }),
    });
    const os = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.OperatingSystem, inv.os.id, {
        bomRef: `os:${inv.os.id}${inv.os.versionId ? `@${inv.os.versionId}` : ''}`,
        version: inv.os.versionId,
        description: osTitle(inv.os),
    });
    bom.components.add(os);
    const refs = new Set([image.bomRef.value, os.bomRef.value]);
    for (const p of inv.packages) {
        let ref = p.purl;
        for (let n = 2; refs.has(ref); n++)
            ref = `${p.purl}#${n}`;
        refs.add(ref);
        const c = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.Library, p.name, {
            bomRef: ref,
            version: p.version,
            purl: p.purl,
            description: p.description,
            publisher: p.maintainer,
        });
        // CycloneDX takes one expression, or any number of named/identified licences.
        const lic = (p.licenses ?? []).map(cdxLicense);
        const expressions = lic.filter((l) => l instanceof _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.LicenseExpression);
        if (expressions.length > 0 && lic.length > 1)
            c.licenses.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.LicenseExpression((p.licenses ?? []).map((t) => `(${spdxExpression(t) ?? t})`).join(' AND ')));
        else
            for (const l of lic)
                c.licenses.add(l);
        if (p.source) {
            c.properties.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Property('bake:source', p.source));
            if (p.sourceVersion)
                c.properties.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Property('bake:sourceVersion', p.sourceVersion));
        }
        if (p.arch)
            c.properties.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Property('bake:arch', p.arch));
        bom.components.add(c);
    }
    const serializer = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Serialize.JsonSerializer(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Serialize.JSON.Normalize.Factory(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Spec.Spec1dot6));
    return serializer.serialize(bom, { sortLists: false, space: 2 }) + '\n';
}
// ---------------------------------------------------------------------------------------
// SPDX
/** SPDX 2.3 wants ids of letters, digits, "." and "-" after "SPDXRef-". */
function spdxIdPart(s) {
    return s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
/** "Name <mail>" as an SPDX supplier: an organization when the name says it is one. */
function spdxSupplier(who) {
    if (!who)
        return 'NOASSERTION';
    const m = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(who);
    const name = (m ? m[1] : who).replace(/[()]/g, '').trim();
    const mail = m?.[2].trim();
    if (!name)
        return 'NOASSERTION';
    const org = /\b(team|maintainers|developers|project|group|community|foundation|inc|ltd|llc|gmbh|corp|corporation|linux)\b/i.test(name);
    const email = mail && /^[^\s@]+@[^\s@]+$/.test(mail) ? ` (${mail})` : '';
    return `${org ? 'Organization' : 'Person'}: ${name}${email}`;
}
/** An ISO 8601 time in UTC to the second, the form SPDX asks for. */
const spdxTime = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/**
 * SPDX 2.3 JSON as its schema defines it: the document describes the image; the image
 * contains the distribution's package and every installed package. Licences are declared
 * as the database states them when that is an SPDX expression; other text becomes a
 * LicenseRef with the text kept in hasExtractedLicensingInfos. Nothing is concluded.
 */
function spdxJson(inv, meta) {
    const uuid = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const imageId = 'SPDXRef-Image';
    const osId = 'SPDXRef-OperatingSystem';
    const extracted = new Map();
    const usedRefs = new Set();
    const declared = (texts) => {
        if (!texts?.length)
            return 'NOASSERTION';
        const parts = texts.map((t) => {
            const e = spdxExpression(t);
            if (e)
                return e;
            let ref = extracted.get(t)?.licenseId;
            if (!ref) {
                const base = `LicenseRef-${spdxIdPart(t).slice(0, 60)}`;
                ref = base;
                for (let n = 2; usedRefs.has(ref); n++)
                    ref = `${base}-${n}`;
                usedRefs.add(ref);
                extracted.set(t, { licenseId: ref, extractedText: t, name: t });
            }
            return ref;
        });
        return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
    };
    const ids = new Set([imageId, osId]);
    const packages = [
        {
            SPDXID: imageId,
            name: meta.name,
            ...(meta.version ? { versionInfo: meta.version } : {}),
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            supplier: 'NOASSERTION',
            primaryPackagePurpose: 'OPERATING_SYSTEM',
            description: `machine image baked from ${osTitle(inv.os)}`,
        },
        {
            SPDXID: osId,
            name: inv.os.id,
            ...(inv.os.versionId ? { versionInfo: inv.os.versionId } : {}),
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            supplier: 'NOASSERTION',
            primaryPackagePurpose: 'OPERATING_SYSTEM',
            description: osTitle(inv.os),
        },
    ];
    const relationships = [
        {
            spdxElementId: 'SPDXRef-DOCUMENT',
            relationshipType: 'DESCRIBES',
            relatedSpdxElement: imageId,
        },
        { spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: osId },
    ];
    for (const p of inv.packages) {
        // A short digest of the purl keeps ids unique (names differ only in "+" or "_"
        // collapse to the same characters) and the same from one run to the next.
        const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(p.purl).digest('hex').slice(0, 8);
        let id = `SPDXRef-Package-${p.ecosystem}-${spdxIdPart(p.name)}-${digest}`;
        for (let n = 2; ids.has(id); n++)
            id = `SPDXRef-Package-${p.ecosystem}-${spdxIdPart(p.name)}-${digest}-${n}`;
        ids.add(id);
        packages.push({
            SPDXID: id,
            name: p.name,
            versionInfo: p.version,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: declared(p.licenses),
            copyrightText: 'NOASSERTION',
            supplier: spdxSupplier(p.maintainer),
            ...(p.source ? { sourceInfo: `built from ${p.source} ${p.sourceVersion ?? ''}`.trim() } : {}),
            ...(p.description ? { summary: p.description } : {}),
            externalRefs: [
                { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl },
            ],
        });
        relationships.push({
            spdxElementId: imageId,
            relationshipType: 'CONTAINS',
            relatedSpdxElement: id,
        });
    }
    const doc = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: meta.name,
        documentNamespace: `https://spdx.org/spdxdocs/${encodeURIComponent(meta.tool.name)}/${encodeURIComponent(meta.name)}-${uuid}`,
        creationInfo: {
            created: spdxTime(meta.timestamp),
            creators: [`Tool: ${meta.tool.name}-${meta.tool.version}`],
        },
        ...(extracted.size ? { hasExtractedLicensingInfos: [...extracted.values()] } : {}),
        packages,
        relationships,
    };
    return JSON.stringify(doc, null, 2) + '\n';
}


/***/ })

};
;