"use strict";
exports.id = 9985;
exports.ids = [9985];
exports.modules = {

/***/ 69985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   specJsonSchema: () => (/* binding */ specJsonSchema)
/* harmony export */ });
/* unused harmony export SCHEMA_URL */
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);
/* harmony import */ var _spec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81552);
/* harmony import */ var _plugin_common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33268);
/* harmony import */ var _trust_spec__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90079);
/**
 * Generates schema/bake.schema.json from the same definitions the validator uses, in the
 * shape yaml-language-server handles well: each plugin kind is one `type` enum (every type,
 * with its description) and one `if`/`then` branch per type, so an error lists every valid
 * type and completion offers exactly the chosen plugin's settings.
 */




/** Where the schema is published; specs outside this repository can name it in a modeline. */
const SCHEMA_URL = 'https://raw.githubusercontent.com/OWNER/bake-action/main/schema/bake.schema.json';
const VARIABLE_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
/** Variable types as parseVarType() reads them (blanks ignored), nested up to 6 deep. */
function varTypePattern() {
    const spaced = (word) => word.split('').join('\\s*');
    const simple = ['string', 'number', 'bool', 'any', 'object'].map(spaced).join('|');
    const wrap = ['list', 'map', 'set'].map(spaced).join('|');
    let t = `(?:${simple})`;
    for (let i = 0; i < 6; i++)
        t = `(?:${simple}|(?:${wrap})\\s*\\(\\s*(?:${t})?\\s*\\))`;
    return `^\\s*${t}\\s*$`;
}
const EXACT = (type) => `^${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
function fieldsOf(d, common) {
    return (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .offered */ .Ix)({ ...common, ...(d.schema.kind === 'object' ? d.schema.fields : {}) });
}
/** The `then` of one type: its settings, titled and documented, nothing else allowed. */
function branch(d, noun, common, typeProp) {
    const title = `${d.type} ${noun}`;
    if (d.schema.kind !== 'object')
        return { title, description: d.description, ...(0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .toJsonSchema */ .PF)(d.schema) };
    const fields = fieldsOf(d, common);
    const obj = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .toJsonSchema */ .PF)({ kind: 'object', fields, open: d.schema.open });
    const plain = obj.anyOf[0];
    const props = plain.properties;
    if (props.override) {
        // Per-source replacements are this plugin's own settings, none of them required.
        const optional = Object.fromEntries(Object.entries(fields)
            .filter(([k]) => k !== 'override')
            .map(([k, f]) => [k, { ...f, required: false }]));
        const inner = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .toJsonSchema */ .PF)({ kind: 'object', fields: optional }, undefined, {
            expressions: false,
        });
        const innerProps = inner.properties;
        innerProps.type = { description: 'the plugin type (it stays the one above)', type: 'string' };
        props.override = {
            description: props.override.description,
            markdownDescription: props.override.markdownDescription,
            anyOf: [
                {
                    type: 'object',
                    additionalProperties: {
                        ...inner,
                        description: 'settings replaced for this source',
                    },
                },
                { title: 'nothing (the key is left empty)', type: 'null' },
            ],
        };
    }
    return {
        title,
        description: d.description,
        markdownDescription: `**${d.type}** ${noun}: ${d.description}`,
        type: 'object',
        properties: { type: typeProp, ...props },
        ...(plain.required ? { required: plain.required } : {}),
        additionalProperties: plain.additionalProperties,
    };
}
/**
 * A snippet body for one plugin: its type and its required settings with their examples;
 * a plugin with none required gets its first setting that has an example.
 */
function pluginBody(d) {
    const body = { type: d.type };
    const fields = Object.entries(fieldsOf(d, {}));
    for (const [k, f] of fields)
        if (f.required)
            body[k] = f.example ?? f.default ?? '';
    if (Object.keys(body).length === 1) {
        const first = fields.find(([, f]) => f.example !== undefined);
        if (first)
            body[first[0]] = first[1].example;
    }
    return body;
}
/** One plugin kind: a `type` enum listing every type, then one branch per type. */
function pluginKind(plugins, kind, noun, common) {
    const list = plugins.all(kind);
    // `type: null` is YAML's null, and bake reads it as the null builder.
    return typedKind(list, noun, common, kind === 'builder' && list.some((d) => d.type === 'null'));
}
/** Blocks told apart by `type`: a plugin kind, or the scanners of `scan:`. */
function typedKind(list, noun, common, nullIsType = false) {
    const types = list.map((d) => d.type);
    const typeDoc = `the ${noun} type: ${types.map((t) => `\`${t}\``).join(', ')}`;
    const typeProp = {
        description: typeDoc,
        markdownDescription: [
            `Which ${noun} this is:`,
            '',
            ...list.map((d) => `- \`${d.type}\`: ${d.description}`),
            '',
            'Written as is: no `${…}` expressions here.',
        ].join('\n'),
        enum: nullIsType ? [...types, null] : types,
        enumDescriptions: nullIsType
            ? [...list.map((d) => d.description), `the null builder (YAML reads \`null\` as nothing)`]
            : list.map((d) => d.description),
    };
    // Matched by an exact pattern: yaml-language-server compares const and enum by prefix
    // while completing, which would offer shell-local's settings to a shell provisioner.
    const branches = list.map((d) => ({
        if: {
            properties: {
                type: nullIsType && d.type === 'null'
                    ? { anyOf: [{ type: 'null' }, { type: 'string', pattern: EXACT(d.type) }] }
                    : { type: 'string', pattern: EXACT(d.type) },
            },
            required: ['type'],
        },
        then: branch(d, noun, common, { description: d.description }),
    }));
    return {
        type: 'object',
        title: noun,
        description: `a ${noun}: \`type\` and its settings`,
        required: ['type'],
        properties: { type: typeProp },
        // Snippets only while the block has no type yet: once it has one, the snippets of
        // the other types would only be noise.
        allOf: [
            ...branches,
            {
                if: { type: 'object', required: ['type'] },
                else: {
                    defaultSnippets: list.map((d) => ({
                        label: `${d.type} ${noun}`,
                        description: d.description,
                        body: pluginBody(d),
                    })),
                },
            },
        ],
    };
}
function described(f, key, extra, o) {
    const base = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)(key, f, o);
    return {
        description: base.description,
        markdownDescription: base.markdownDescription,
        ...extra,
    };
}
/** The JSON Schema of a spec for these plugins (the built-ins, plus a spec's own). */
function specJsonSchema(plugins) {
    const noExpr = { expressions: false };
    const vfields = _spec__WEBPACK_IMPORTED_MODULE_1__/* .variableSchema */ .un.fields;
    const variable = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .toJsonSchema */ .PF)(_spec__WEBPACK_IMPORTED_MODULE_1__/* .variableSchema */ .un, undefined, noExpr);
    const vprops = variable.properties;
    vprops.type = {
        ...vprops.type,
        anyOf: [
            {
                type: 'string',
                pattern: varTypePattern(),
                patternErrorMessage: 'not a variable type: use string, number, bool, any, object, list(T) or map(T)',
            },
            { title: 'nothing (the key is left empty)', type: 'null' },
        ],
    };
    // The condition is an expression; it is evaluated when the variable has its value.
    vprops.validation = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)('validation', vfields.validation);
    const top = _spec__WEBPACK_IMPORTED_MODULE_1__/* .topSchema */ .XE.fields;
    const builder = pluginKind(plugins, 'builder', 'builder', _plugin_common__WEBPACK_IMPORTED_MODULE_2__/* .sourceCommon */ .dq);
    const provisioner = pluginKind(plugins, 'provisioner', 'provisioner', _plugin_common__WEBPACK_IMPORTED_MODULE_2__/* .provisionerCommon */ .Qy);
    const postProcessor = pluginKind(plugins, 'post-processor', 'post-processor', _plugin_common__WEBPACK_IMPORTED_MODULE_2__/* .postProcessorCommon */ .W4);
    const build = {
        type: 'object',
        description: 'one build: the sources it runs, then provisioners and post-processors',
        additionalProperties: false,
        required: ['sources'],
        properties: {
            description: described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.description, 'description', {
                type: ['string', 'number', 'boolean', 'null'],
            }),
            sources: described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.sources, 'sources', {
                type: 'array',
                items: { type: ['string', 'number', 'boolean'] },
                minItems: 1,
            }),
            provisioners: described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.provisioners, 'provisioners', {
                type: ['array', 'null'],
                items: { $ref: '#/definitions/provisioner' },
            }),
            'error-cleanup-provisioner': described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY['error-cleanup-provisioner'], 'error-cleanup-provisioner', 
            // It runs once, when the build fails: no for_each.
            {
                allOf: [
                    { $ref: '#/definitions/provisioner' },
                    {
                        properties: {
                            for_each: {
                                not: {},
                                description: 'not here: error-cleanup-provisioner runs once, when a build fails',
                            },
                        },
                    },
                ],
            }),
            'post-processors': described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY['post-processors'], 'post-processors', {
                type: ['array', 'null'],
                items: {
                    anyOf: [
                        { $ref: '#/definitions/postProcessor' },
                        {
                            type: 'array',
                            description: 'a chain: each post-processor takes what the one before it made',
                            items: { $ref: '#/definitions/postProcessor' },
                        },
                    ],
                },
                defaultSnippets: chainSnippets(plugins),
            }),
            timeout: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)('timeout', _spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.timeout),
            tests: described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.tests, 'tests', {
                type: ['array', 'null'],
                items: { $ref: '#/definitions/check' },
            }),
            sbom: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)('sbom', _spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.sbom),
            scan: described(_spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.scan, 'scan', {
                type: ['array', 'null'],
                items: { $ref: '#/definitions/scanner' },
            }),
            reports_directory: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)('reports_directory', _spec__WEBPACK_IMPORTED_MODULE_1__/* .buildFields */ .cY.reports_directory),
        },
    };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: SCHEMA_URL,
        title: 'bake spec',
        description: 'Immutable machine images from one YAML file: variables, locals, sources (builders) and builds.',
        type: 'object',
        additionalProperties: false,
        required: ['sources', 'builds'],
        definitions: {
            provisioner,
            postProcessor,
            check: checkDefinition(),
            scanner: typedKind(_trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .SCANNERS */ .KR, 'scanner', _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .scanCommon */ .xQ),
        },
        defaultSnippets: plugins.all('builder').map((d) => ({
            label: `bake spec: ${d.type}`,
            description: `a whole spec that builds with the ${d.type} builder`,
            body: {
                sources: { main: pluginBody(d) },
                builds: {
                    main: {
                        sources: ['main'],
                        ...(plugins.get('provisioner', 'shell')
                            ? { provisioners: [{ type: 'shell', inline: ['echo ${1:hello}'] }] }
                            : {}),
                    },
                },
            },
        })),
        properties: {
            plugins: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)('plugins', top.plugins),
            variables: described(top.variables, 'variables', {
                type: ['object', 'null'],
                propertyNames: {
                    pattern: VARIABLE_NAME,
                    patternErrorMessage: 'a variable name is letters, digits and _ (used as var.NAME)',
                },
                additionalProperties: {
                    ...variable,
                    description: 'one input: its type, default and rules',
                },
            }),
            locals: described(top.locals, 'locals', {
                type: ['object', 'null'],
                propertyNames: {
                    pattern: VARIABLE_NAME,
                    patternErrorMessage: 'a local name is letters, digits and _ (used as local.NAME)',
                },
                additionalProperties: { description: 'a value; `${…}` expressions are evaluated' },
            }),
            sources: described(top.sources, 'sources', {
                type: 'object',
                propertyNames: {
                    pattern: _spec__WEBPACK_IMPORTED_MODULE_1__/* .NAME_RE */ .eF.source,
                    patternErrorMessage: 'a source name is letters, digits, - and _',
                },
                // name: names the instances of a for_each, and means nothing without one.
                additionalProperties: { ...builder, dependencies: { name: ['for_each'] } },
            }),
            builds: described(top.builds, 'builds', {
                type: 'object',
                propertyNames: {
                    pattern: _spec__WEBPACK_IMPORTED_MODULE_1__/* .NAME_RE */ .eF.source,
                    patternErrorMessage: 'a build name is letters, digits, - and _',
                },
                additionalProperties: build,
            }),
        },
    };
}
function chainSnippets(plugins) {
    const out = [];
    const tag = plugins.get('post-processor', 'docker-tag');
    const manifest = plugins.get('post-processor', 'manifest');
    if (tag && manifest)
        out.push({
            label: 'post-processor chain: docker-tag then manifest',
            description: 'tag the image, then record it with its tags in a manifest',
            body: [[{ ...pluginBody(tag), tags: ['latest'] }, { type: 'manifest' }]],
        });
    return out;
}
/**
 * A check of `tests:`: named by the key that says what it checks. A key that is also a
 * setting of another check present (a file check's `group`) does not name a check.
 */
function checkDefinition() {
    const owners = (t) => _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.filter((o) => o.type !== t && o.schema.kind === 'object' && t in o.schema.fields).map((o) => o.type);
    const branches = _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.map((t) => {
        const obj = (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .toJsonSchema */ .PF)((0,_trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .checkSchemaOf */ .D1)(t));
        const plain = obj.anyOf?.[0] ?? obj;
        const others = owners(t.type);
        return {
            if: {
                required: [t.type],
                ...(others.length ? { not: { anyOf: others.map((o) => ({ required: [o] })) } } : {}),
            },
            then: {
                title: `${t.type} check`,
                description: t.description,
                markdownDescription: `**${t.type}** check: ${t.description}`,
                ...plain,
            },
        };
    });
    return {
        type: 'object',
        title: 'check',
        description: `a check of the finished machine, named by what it checks: ${_trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.map((t) => t.type).join(', ')}`,
        anyOf: _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.map((t) => ({ required: [t.type] })),
        allOf: [
            ...branches,
            {
                if: { type: 'object', anyOf: _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.map((t) => ({ required: [t.type] })) },
                else: {
                    defaultSnippets: _trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .CHECKS */ .ui.map((t) => ({
                        label: `${t.type} check`,
                        description: t.description,
                        body: pluginBody(t),
                    })).map((sn) => {
                        // A check's body has no type key: its own key names it.
                        const { type, ...rest } = sn.body;
                        void type;
                        return { ...sn, body: rest };
                    }),
                },
            },
        ],
        properties: Object.fromEntries(Object.entries(_trust_spec__WEBPACK_IMPORTED_MODULE_3__/* .checkCommon */ ._X).map(([k, f]) => [k, (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .fieldJsonSchema */ .ql)(k, f)])),
    };
}


/***/ })

};
;