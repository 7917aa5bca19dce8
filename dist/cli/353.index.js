"use strict";
exports.id = 353;
exports.ids = [353,7939];
exports.modules = {

/***/ 17939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   freePort: () => (/* binding */ freePort),
/* harmony export */   processStartTime: () => (/* binding */ processStartTime),
/* harmony export */   qmp: () => (/* binding */ qmp),
/* harmony export */   removeEmptyDirs: () => (/* binding */ removeEmptyDirs),
/* harmony export */   removePath: () => (/* binding */ removePath),
/* harmony export */   runTool: () => (/* binding */ runTool),
/* harmony export */   sameProcess: () => (/* binding */ sameProcess),
/* harmony export */   stopQemu: () => (/* binding */ stopQemu),
/* harmony export */   waitGone: () => (/* binding */ waitGone)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17679);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54277);
/**
 * The QEMU process and the tools around it: starting qemu-system with a QMP socket,
 * stopping it (QMP quit, then a kill), knowing a process by its pid *and* its start time so
 * that a pid the system has since given to another program is never signalled, and running
 * qemu-img and xorriso so that a cancel stops them.
 */






/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
function processStartTime(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: count from its end.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return rest[19];
    }
    catch {
        return undefined;
    }
}
/** True while the process with this pid is the one that started at `start`. */
function sameProcess(pid, start) {
    const now = processStartTime(pid);
    if (now === undefined || now !== start)
        return false;
    // A zombie is gone for our purposes: it holds no disk and no port.
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    }
    catch {
        return false;
    }
}
/** Sends one QMP command and resolves with its answer (or rejects after `ms`). */
function qmp(socket, command, ms = 3000) {
    return new Promise((resolve, reject) => {
        const conn = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.createConnection)(socket);
        let buf = '';
        let stage = 0;
        const timer = setTimeout(() => {
            conn.destroy();
            reject(new Error(`QMP ${command}: no answer in ${ms} ms`));
        }, ms);
        const finish = (e, v) => {
            clearTimeout(timer);
            conn.destroy();
            if (e)
                reject(e);
            else
                resolve(v);
        };
        conn.on('error', (e) => finish(e));
        // quit closes the socket instead of answering at times: that is success too.
        conn.on('close', () => finish(stage === 2 && command === 'quit'
            ? undefined
            : new Error(`QMP ${command}: connection closed`)));
        conn.on('data', (d) => {
            buf += d.toString();
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                if (!line)
                    continue;
                const msg = JSON.parse(line);
                if (msg.event)
                    continue;
                if (stage === 0 && msg.QMP) {
                    stage = 1;
                    conn.write(JSON.stringify({ execute: 'qmp_capabilities' }) + '\n');
                }
                else if (stage === 1 && 'return' in msg) {
                    stage = 2;
                    conn.write(JSON.stringify({ execute: command }) + '\n');
                }
                else if (stage === 2) {
                    if (msg.error)
                        return finish(new Error(`QMP ${command}: ${JSON.stringify(msg.error)}`));
                    return finish(undefined, msg.return);
                }
            }
        });
    });
}
/** Waits until the process is gone or `ms` pass; true when it is gone. */
async function waitGone(pid, start, ms, signal) {
    const deadline = Date.now() + ms;
    while (sameProcess(pid, start)) {
        if (Date.now() >= deadline)
            return false;
        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(200, signal);
    }
    return true;
}
/**
 * Stops a QEMU process: QMP quit (QEMU flushes its disks and exits), then SIGKILL if it is
 * still there. A pid that now names another process is left alone.
 */
async function stopQemu(ref) {
    const pid = Number(ref.pid);
    if (!sameProcess(pid, ref.start))
        return;
    if (ref.qmp && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(ref.qmp)) {
        await qmp(ref.qmp, 'quit').catch(() => undefined);
        if (await waitGone(pid, ref.start, 5000))
            return;
    }
    if (sameProcess(pid, ref.start)) {
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch {
            return;
        }
        await waitGone(pid, ref.start, 5000);
    }
}
/** A TCP port on 127.0.0.1 in [min, max] that nothing listens on, trying them in order. */
async function freePort(min, max, skip) {
    for (let port = min; port <= max; port++) {
        if (skip.has(port))
            continue;
        const ok = await new Promise((resolve) => {
            const srv = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.createServer)();
            srv.once('error', () => resolve(false));
            srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
        });
        if (ok)
            return port;
    }
    throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`no free TCP port on 127.0.0.1 between host_port_min ${min} and host_port_max ${max}`, 'widen the range, or stop what holds those ports');
}
/**
 * Runs a tool to its end. On cancel the tool is killed and awaited before the promise
 * rejects, so nothing it writes outlives the step.
 */
async function runTool(cmd, args, signal, what) {
    if (signal.aborted)
        throw new _engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .CancelledError */ .cc();
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        }
        catch (e) {
            return reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what}: ${e.message}`));
        }
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d.toString()));
        child.stderr.on('data', (d) => (err += d.toString()));
        const onAbort = () => child.kill('SIGKILL');
        signal.addEventListener('abort', onAbort, { once: true });
        child.on('error', (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(e.code === 'ENOENT' ? `${what}: ${cmd} is not installed` : `${what}: ${e.message}`, e.code === 'ENOENT' ? `install it (Debian: ${packageOf(cmd)})` : undefined));
        });
        child.on('close', (code) => {
            signal.removeEventListener('abort', onAbort);
            if (signal.aborted)
                return reject(new _engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .CancelledError */ .cc());
            if (code === 0)
                return resolve(out);
            const lines = err.trim().split('\n').filter(Boolean);
            reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what} failed (exit ${code}): ${lines.at(-1) ?? 'no output'}`, undefined, lines.slice(-10)));
        });
    });
}
function packageOf(cmd) {
    if (cmd.startsWith('qemu-img'))
        return 'qemu-utils';
    if (cmd.startsWith('qemu-system'))
        return 'qemu-system-x86';
    return cmd;
}
/** Removes a file or directory; one that is already gone counts as removed. */
function removePath(path) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(path, { recursive: true, force: true });
}
/**
 * Removes `from` and the directories above it up to `top` while they are empty (the ones a
 * build made for output_directory); a directory holding anything stays.
 */
function removeEmptyDirs(top, from) {
    for (let d = from; d.startsWith(top); d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmdirSync)(d);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                return;
        }
        if (d === top)
            return;
    }
}


/***/ }),

/***/ 24789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ fill)
/* harmony export */ });
/** `{{.Name}}` placeholders in output paths (Packer's template syntax for these settings). */
function fill(template, vars) {
    return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, k) => vars[k] ?? m);
}


/***/ }),

/***/ 60353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vmExport: () => (/* binding */ vmExport)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/plugins/builders/qemu/process.ts
var process = __webpack_require__(17939);
// EXTERNAL MODULE: ./src/plugins/post-processors/template.ts
var template = __webpack_require__(24789);
;// CONCATENATED MODULE: ./src/plugins/post-processors/vm-export/ovf.ts
/** The OVF 1.0 descriptor of an OVA: one virtual system, one disk, one network card. */
/** CIM operating system ids (OVF's OperatingSystemSection) and VMware's guest names. */
const OS_TYPES = {
    debian: { cim: 96, vmw: 'debian10_64Guest', what: 'Debian 64-bit' },
    ubuntu: { cim: 94, vmw: 'ubuntu64Guest', what: 'Ubuntu 64-bit' },
    rhel: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
    centos: { cim: 107, vmw: 'centos64Guest', what: 'CentOS 64-bit' },
    rocky: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
    almalinux: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
    sles: { cim: 85, vmw: 'sles15_64Guest', what: 'SUSE Linux Enterprise 64-bit' },
};
const OTHER_LINUX = { cim: 101, vmw: 'otherLinux64Guest', what: 'Other Linux 64-bit' };
function osType(id) {
    return (id && OS_TYPES[id]) || OTHER_LINUX;
}
const esc = (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function ovfDescriptor(m) {
    const os = osType(m.os.id);
    const controller = m.controller === 'ide'
        ? { type: 5, sub: 'PIIX4', name: 'IDE Controller' }
        : m.controller === 'sata'
            ? { type: 20, sub: 'AHCI', name: 'SATA Controller' }
            : { type: 6, sub: 'lsilogic', name: 'SCSI Controller' };
    const item = (fields) => `      <Item>\n${Object.entries(fields)
        .map(([k, v]) => `        <rasd:${k}>${esc(String(v))}</rasd:${k}>`)
        .join('\n')}\n      </Item>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<Envelope ovf:version="1.0" xml:lang="en-US"
    xmlns="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
    xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
    xmlns:vmw="http://www.vmware.com/schema/ovf"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <References>
    <File ovf:id="file1" ovf:href="${esc(m.disk.file)}" ovf:size="${m.disk.size}"/>
  </References>
  <DiskSection>
    <Info>Virtual disks</Info>
    <Disk ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:capacity="${m.disk.capacity}" ovf:capacityAllocationUnits="byte" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
  </DiskSection>
  <NetworkSection>
    <Info>Logical networks</Info>
    <Network ovf:name="NAT">
      <Description>The network the VM's card is connected to</Description>
    </Network>
  </NetworkSection>
  <VirtualSystem ovf:id="${esc(m.name)}">
    <Info>A virtual machine</Info>
    <Name>${esc(m.name)}</Name>
    <OperatingSystemSection ovf:id="${os.cim}" vmw:osType="${os.vmw}">
      <Info>The guest operating system</Info>
      <Description>${esc(m.os.name ?? os.what)}</Description>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>${esc(m.name)}</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>vmx-10 virtualbox-2.2</vssd:VirtualSystemType>
      </System>
${item({ AllocationUnits: 'hertz * 10^6', Description: 'Number of virtual CPUs', ElementName: `${m.cpus} virtual CPU(s)`, InstanceID: 1, ResourceType: 3, VirtualQuantity: m.cpus })}
${item({ AllocationUnits: 'byte * 2^20', Description: 'Memory size', ElementName: `${m.memoryMiB} MB of memory`, InstanceID: 2, ResourceType: 4, VirtualQuantity: m.memoryMiB })}
${item({ Address: 0, Description: controller.name, ElementName: controller.name, InstanceID: 3, ResourceSubType: controller.sub, ResourceType: controller.type })}
${item({ AddressOnParent: 0, ElementName: 'Hard disk 1', HostResource: 'ovf:/disk/vmdisk1', InstanceID: 4, Parent: 3, ResourceType: 17 })}
${item({ AddressOnParent: 0, AutomaticAllocation: 'true', Connection: 'NAT', Description: `${m.nic} ethernet adapter`, ElementName: 'Network adapter 1', InstanceID: 5, ResourceSubType: m.nic, ResourceType: 10 })}
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
`;
}

// EXTERNAL MODULE: ./src/util/hash-file.ts
var hash_file = __webpack_require__(53813);
;// CONCATENATED MODULE: ./src/plugins/post-processors/vm-export/vm-export.ts
/**
 * Writes each requested format beside the disk (or into output_directory): qemu-img convert
 * to a `.partial` file that is in the ledger until it is renamed into place, so a failure
 * or a cancel leaves no half-written file. The OVA is a tar in the order OVF asks for:
 * the descriptor, the disk, then the manifest of SHA256 digests.
 */











const CONVERT = {
    vmdk: ['-O', 'vmdk', '-o', 'subformat=streamOptimized'],
    vdi: ['-O', 'vdi'],
    vhdx: ['-O', 'vhdx', '-o', 'subformat=dynamic'],
};
const vmExport = {
    async run(use, input, env, signal) {
        const c = use.config;
        const p = input.properties ?? {};
        const disk = input.files?.[0];
        if (!disk || !p.disk_format)
            throw new context/* BuildError */.zS('vm-export needs a VM disk, and this artifact is not one', 'use vm-export after the qemu builder');
        const vars = { BuildName: env.instance.name, BuilderType: env.instance.type };
        const dir = typeof c.output_directory === 'string'
            ? (0,external_node_path_.resolve)(env.specDir, (0,template/* fill */.G)(c.output_directory, vars))
            : (0,external_node_path_.dirname)(disk);
        const name = typeof c.vm_name === 'string'
            ? (0,template/* fill */.G)(c.vm_name, vars)
            : (0,external_node_path_.basename)(disk).replace(/\.(qcow2|raw|img)$/, '');
        const formats = c.formats;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        const open = [];
        const made = [];
        /** Writes `final` through a ledgered `.partial`. */
        const writing = async (final, write) => {
            const partial = `${final}.partial`;
            const entry = env.ledger.add(env.instance.name, 'vm-export-file', { path: partial }, `export being written: ${partial}`);
            open.push({ path: partial, entry });
            await write(partial);
            (0,external_node_fs_.renameSync)(partial, final);
            env.ledger.done(entry);
            open.splice(open.findIndex((o) => o.entry === entry), 1);
        };
        const convert = (fmt, to) => writing(to, (partial) => (0,process.runTool)('qemu-img', ['convert', '-q', '-f', p.disk_format, ...CONVERT[fmt], disk, partial], signal, `converting ${(0,external_node_path_.basename)(disk)} to ${fmt}`).then(() => undefined));
        const temporary = [];
        try {
            for (const fmt of ['vmdk', 'vdi', 'vhdx']) {
                if (!formats.includes(fmt))
                    continue;
                const to = (0,external_node_path_.join)(dir, `${name}.${fmt}`);
                const t = performance.now();
                await convert(fmt, to);
                made.push(to);
                env.out('info', `wrote ${to} (${fmt}) in ${((performance.now() - t) / 1000).toFixed(1)}s`);
            }
            if (formats.includes('ova')) {
                let vmdk = made.find((f) => f.endsWith('.vmdk'));
                if (!vmdk) {
                    vmdk = (0,external_node_path_.join)(dir, `${name}.ova-disk.vmdk`);
                    await convert('vmdk', vmdk);
                    temporary.push(vmdk);
                }
                const to = (0,external_node_path_.join)(dir, `${name}.ova`);
                await writing(to, (partial) => writeOva(partial, name, vmdk, disk, p, c, signal));
                made.push(to);
                env.out('info', `wrote ${to} (OVF 1.0 with ${(0,external_node_path_.basename)(vmdk)} as ${name}-disk1.vmdk)`);
            }
        }
        catch (e) {
            for (const o of open) {
                (0,external_node_fs_.rmSync)(o.path, { force: true });
                env.ledger.done(o.entry);
            }
            for (const f of [...made, ...temporary])
                (0,external_node_fs_.rmSync)(f, { force: true });
            throw e;
        }
        finally {
            for (const f of temporary)
                (0,external_node_fs_.rmSync)(f, { force: true });
        }
        return {
            artifact: {
                id: made[0],
                builderType: input.builderType,
                files: made,
                description: `${formats.join(', ')} of ${(0,external_node_path_.basename)(disk)}`,
                properties: { ...p, exported_formats: formats.join(',') },
                destroy: async () => {
                    for (const f of made)
                        (0,external_node_fs_.rmSync)(f, { force: true });
                },
            },
        };
    },
};
async function writeOva(out, name, vmdk, disk, p, c, signal) {
    const diskName = `${name}-disk1.vmdk`;
    const capacity = JSON.parse(await (0,process.runTool)('qemu-img', ['info', '--output=json', disk], signal, 'reading the disk size'))['virtual-size'];
    const ovf = ovfDescriptor({
        name,
        cpus: Number(p.cpus ?? 1),
        memoryMiB: Number(p.memory ?? 512),
        disk: { file: diskName, size: (0,external_node_fs_.statSync)(vmdk).size, capacity },
        controller: c.ova_disk_controller ?? 'ide',
        nic: String(c.ova_network_adapter ?? 'vmxnet3'),
        os: { id: p.os_id, version: p.os_version, name: p.os_name },
    });
    const ovfName = `${name}.ovf`;
    const manifest = `SHA256(${ovfName})= ${(0,external_node_crypto_.createHash)('sha256').update(ovf).digest('hex')}\n` +
        `SHA256(${diskName})= ${await (0,hash_file/* hashFile */.D)(vmdk)}\n`;
    const pack = tar_stream.pack();
    const done = (0,steps/* raceSignal */.WU)((0,promises_.pipeline)(pack, (0,external_node_fs_.createWriteStream)(out)), signal);
    const entry = (header, body) => new Promise((res, rej) => {
        if (body !== undefined)
            pack.entry(header, body, (e) => (e ? rej(e) : res()));
        else {
            const sink = pack.entry(header, (e) => (e ? rej(e) : res()));
            (0,external_node_fs_.createReadStream)(vmdk).on('error', rej).pipe(sink);
        }
    });
    const mtime = new Date();
    await entry({ name: ovfName, mode: 0o644, mtime }, ovf);
    await entry({ name: diskName, size: (0,external_node_fs_.statSync)(vmdk).size, mode: 0o644, mtime });
    await entry({ name: `${name}.mf`, mode: 0o644, mtime }, manifest);
    pack.finalize();
    await done;
}


/***/ }),

/***/ 53813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ hashFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);



/** The hex digest of a file, read as a stream (disks and archives are large). */
async function hashFile(path, algo = 'sha256') {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algo);
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), h);
    return h.digest('hex');
}


/***/ })

};
;