"use strict";
exports.id = 5146;
exports.ids = [5146];
exports.modules = {

/***/ 95146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compress: () => (/* binding */ compress)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56118);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54277);
/* harmony import */ var _template__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(24789);
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(13553);











const compress = {
    async run(use, input, env, signal) {
        if (!input.files?.length)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .zS('compress needs an artifact with files', 'use it after export_path or docker-save');
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.specDir, (0,_template__WEBPACK_IMPORTED_MODULE_10__/* .fill */ .G)(String(use.config.output), {
            BuildName: env.instance.name,
            BuilderType: env.instance.type,
        }));
        const format = (0,_format__WEBPACK_IMPORTED_MODULE_9__/* .archiveFormat */ .M)(path);
        if (format === 'gz' && input.files.length > 1)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .zS(`${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)} is one gzip stream, but the artifact has ${input.files.length} files`, 'name the output .tar.gz to pack them together');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        const level = use.config.compression_level;
        const partial = `${path}.partial`;
        try {
            if (format === 'zip')
                await writeZip(input.files, partial, level ?? 6, signal);
            else if (format === 'gz')
                await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(input.files[0]), node_zlib__WEBPACK_IMPORTED_MODULE_5__.createGzip({ level: level ?? 6 }), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(partial)), signal);
            else
                await writeTar(input.files, partial, format, level, signal);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(partial, path);
        }
        catch (e) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(partial, { force: true });
            throw e;
        }
        env.out('info', `compressed ${input.files.length} file(s) into ${path} (${format})`);
        return {
            artifact: {
                id: path,
                builderType: input.builderType,
                files: [path],
                description: `archive ${path}`,
                destroy: async () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true }),
            },
        };
    },
};
async function writeTar(files, out, format, level, signal) {
    const pack = tar_stream__WEBPACK_IMPORTED_MODULE_6__.pack();
    const stages = format === 'tar.gz'
        ? [node_zlib__WEBPACK_IMPORTED_MODULE_5__.createGzip({ level: level ?? 6 })]
        : format === 'tar.zst'
            ? [zstd(level)]
            : [];
    const done = (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)([pack, ...stages, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(out)]), signal);
    for (const f of files) {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(f);
        await new Promise((res, rej) => {
            const entry = pack.entry({ name: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(f), size: st.size, mode: st.mode & 0o777, mtime: st.mtime }, (e) => (e ? rej(e) : res()));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(f).on('error', rej).pipe(entry);
        });
    }
    pack.finalize();
    await done;
}
function zstd(level) {
    const z = node_zlib__WEBPACK_IMPORTED_MODULE_5__;
    return z.createZstdCompress(level === undefined ? {} : { params: { [z.constants.ZSTD_c_compressionLevel]: level } });
}
/**
 * A zip written as a stream: each file deflated with a data descriptor after it, then the
 * central directory. Files are at most 4 GiB (no zip64).
 */
async function writeZip(files, out, level, signal) {
    const sink = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(out);
    let offset = 0;
    const write = async (b) => {
        offset += b.length;
        if (!sink.write(b))
            await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(sink, 'drain');
    };
    const central = [];
    const dosTime = (d) => {
        const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
        const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
        return { time, date };
    };
    try {
        for (const f of files) {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(f);
            if (st.size >= 0xffffffff)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .zS(`${f} is 4 GiB or more, beyond a zip without zip64`, 'use .tar.gz');
            const name = Buffer.from((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(f));
            const { time, date } = dosTime(st.mtime);
            const start = offset;
            const local = Buffer.alloc(30);
            local.writeUInt32LE(0x04034b50, 0);
            local.writeUInt16LE(20, 4); // version needed
            local.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
            local.writeUInt16LE(8, 8); // deflate
            local.writeUInt16LE(time, 10);
            local.writeUInt16LE(date, 12);
            local.writeUInt16LE(name.length, 26);
            await write(Buffer.concat([local, name]));
            let crc = 0;
            let size = 0;
            let csize = 0;
            const measure = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
                transform(chunk, _e, cb) {
                    crc = node_zlib__WEBPACK_IMPORTED_MODULE_5__.crc32(chunk, crc);
                    size += chunk.length;
                    cb(null, chunk);
                },
            });
            const into = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Writable({
                write(chunk, _e, cb) {
                    csize += chunk.length;
                    write(chunk).then(() => cb(), cb);
                },
            });
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(f), measure, node_zlib__WEBPACK_IMPORTED_MODULE_5__.createDeflateRaw({ level }), into), signal);
            const desc = Buffer.alloc(16);
            desc.writeUInt32LE(0x08074b50, 0);
            desc.writeUInt32LE(crc >>> 0, 4);
            desc.writeUInt32LE(csize, 8);
            desc.writeUInt32LE(size, 12);
            await write(desc);
            const c = Buffer.alloc(46);
            c.writeUInt32LE(0x02014b50, 0);
            c.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix
            c.writeUInt16LE(20, 6);
            c.writeUInt16LE(0x0808, 8);
            c.writeUInt16LE(8, 10);
            c.writeUInt16LE(time, 12);
            c.writeUInt16LE(date, 14);
            c.writeUInt32LE(crc >>> 0, 16);
            c.writeUInt32LE(csize, 20);
            c.writeUInt32LE(size, 24);
            c.writeUInt16LE(name.length, 28);
            c.writeUInt32LE(((st.mode & 0o777) | 0o100000) * 0x10000, 38); // Unix mode, regular file
            c.writeUInt32LE(start, 42);
            central.push(Buffer.concat([c, name]));
        }
        const cdStart = offset;
        for (const c of central)
            await write(c);
        const end = Buffer.alloc(22);
        end.writeUInt32LE(0x06054b50, 0);
        end.writeUInt16LE(central.length, 8);
        end.writeUInt16LE(central.length, 10);
        end.writeUInt32LE(offset - cdStart, 12);
        end.writeUInt32LE(cdStart, 16);
        await write(end);
    }
    finally {
        sink.end();
        await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(sink, 'close');
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


/***/ })

};
;