"use strict";
exports.id = 859;
exports.ids = [859];
exports.modules = {

/***/ 40859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sarifOf: () => (/* binding */ sarifOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50767);
/**
 * One SARIF 2.1.0 log of a run's findings, for GitHub code scanning: a run per tool (the
 * tests, lynis, oscap, trivy, grype), every finding of every build with the severity GitHub
 * sorts by, an ignored finding as a suppression with its reason, and each result placed at
 * the spec's block that asked for it (an image has no source line of its own).
 */


const SCORE = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    unknown: '2.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    unknown: 'note',
};
const TOOLS = {
    tests: 'https://github.com/OWNER/bake-action#tests',
    lynis: 'https://cisofy.com/lynis/',
    oscap: 'https://www.open-scap.org/',
    trivy: 'https://trivy.dev/',
    grype: 'https://github.com/anchore/grype',
};
/** "file:line:col" as a SARIF location relative to `root`. */
function location(at, root) {
    const m = /^(.*):(\d+):(\d+)$/.exec(at ?? '');
    if (!m)
        return [];
    return [
        {
            physicalLocation: {
                artifactLocation: {
                    uri: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, m[1]).split('\\').join('/'),
                    uriBaseId: '%SRCROOT%',
                },
                region: { startLine: Number(m[2]), startColumn: Number(m[3]) },
            },
        },
    ];
}
function findingText(build, f) {
    const pkg = f.package
        ? ` in ${f.package.name} ${f.package.version}${f.package.fixedIn ? ` (fixed in ${f.package.fixedIn})` : ''}`
        : '';
    return (0,_util_redact__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${build}: ${f.title}${pkg}`);
}
/** The SARIF log of these results, or undefined when no build tested or scanned anything. */
function sarifOf(results, o) {
    const runs = new Map();
    const runOf = (tool) => {
        let r = runs.get(tool);
        if (!r)
            runs.set(tool, (r = { rules: new Map(), results: [] }));
        return r;
    };
    let any = false;
    for (const b of results) {
        const t = b.trust;
        if (!t)
            continue;
        any = true;
        // A tool that ran and found nothing still has its run: it closes what it found before.
        if (t.checks?.length)
            runOf('tests');
        for (const c of t.checks ?? []) {
            if (c.status !== 'failed')
                continue;
            const run = runOf('tests');
            const id = `test/${c.type}`;
            if (!run.rules.has(id))
                run.rules.set(id, {
                    id,
                    shortDescription: { text: `a ${c.type} check of the image failed` },
                    properties: { 'security-severity': SCORE.high, tags: ['image', 'test'] },
                });
            run.results.push({
                ruleId: id,
                level: 'error',
                message: { text: (0,_util_redact__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${b.name}: ${c.label}: ${c.details.join('; ')}`) },
                locations: location(c.at ?? t.at, o.root),
                properties: { build: b.name },
            });
        }
        for (const s of t.scans ?? []) {
            const run = runOf(s.type);
            const ignored = new Map(s.ignored.map((r) => [r.id, r]));
            for (const f of s.findings) {
                if (!run.rules.has(f.id))
                    run.rules.set(f.id, {
                        id: f.id,
                        shortDescription: { text: (0,_util_redact__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(f.title).slice(0, 1000) || f.id },
                        properties: {
                            'security-severity': SCORE[f.severity] ?? SCORE.unknown,
                            tags: ['image', 'security'],
                        },
                    });
                const rule = ignored.get(f.id);
                run.results.push({
                    ruleId: f.id,
                    level: LEVEL[f.severity] ?? 'note',
                    message: { text: findingText(b.name, f) },
                    locations: location(s.at ?? t.at, o.root),
                    properties: { build: b.name, severity: f.severity },
                    ...(rule
                        ? {
                            suppressions: [
                                {
                                    kind: 'external',
                                    justification: (0,_util_redact__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(rule.until ? `${rule.reason} (until ${rule.until})` : rule.reason),
                                },
                            ],
                        }
                        : {}),
                });
            }
            // A gate that failed for a reason other than a finding (an index too low, a scanner
            // that could not run) is a result too.
            for (const p of s.problems) {
                const id = `${s.type}/gate`;
                if (!run.rules.has(id))
                    run.rules.set(id, {
                        id,
                        shortDescription: { text: `the ${s.type} gate failed` },
                        properties: { 'security-severity': SCORE.high, tags: ['image', 'security'] },
                    });
                run.results.push({
                    ruleId: id,
                    level: 'error',
                    message: { text: (0,_util_redact__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${b.name}: ${p}`) },
                    locations: location(s.at ?? t.at, o.root),
                    properties: { build: b.name },
                });
            }
        }
    }
    if (!any)
        return undefined;
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [...runs].map(([tool, r]) => ({
            tool: {
                driver: {
                    name: tool === 'tests' ? 'bake tests' : tool,
                    ...(tool === 'tests' ? { version: o.version } : {}),
                    informationUri: TOOLS[tool],
                    rules: [...r.rules.values()],
                },
            },
            // One category per tool, so uploads of several tools do not replace each other.
            automationDetails: { id: `bake/${tool}/` },
            results: r.results,
        })),
    };
}


/***/ })

};
;