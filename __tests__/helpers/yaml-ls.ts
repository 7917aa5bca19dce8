/**
 * yaml-language-server driven the way an editor drives it: JSON-RPC over stdio with
 * Content-Length framing, settings pushed by workspace/didChangeConfiguration, documents
 * opened by textDocument/didOpen, diagnostics collected from textDocument/publishDiagnostics.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { kind: string; value: string };
  insertText?: string;
  textEdit?: { newText: string };
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class YamlLanguageServer {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnostics = new Map<string, { version: number; list: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private stderr = '';
  private settings: Record<string, unknown> = {};

  private constructor() {
    const bin = resolve('node_modules/yaml-language-server/bin/yaml-language-server');
    this.proc = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.proc.on('exit', (code) => {
      for (const p of this.pending.values())
        p.reject(new Error(`yaml-language-server exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Starts a server; `schemas` maps a schema file to the glob of the documents it checks. */
  static async start(schemas: Record<string, string>): Promise<YamlLanguageServer> {
    const ls = new YamlLanguageServer();
    await ls.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      },
    });
    ls.notify('initialized', {});
    ls.settings = {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        schemas: Object.fromEntries(
          Object.entries(schemas).map(([file, glob]) => [pathToFileURL(resolve(file)).href, glob]),
        ),
      },
    };
    ls.notify('workspace/didChangeConfiguration', { settings: ls.settings });
    return ls;
  }

  /** Opens (or replaces) a document and returns the diagnostics published for it. */
  async diagnose(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    if (version === 1)
      this.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version, text },
      });
    else
      this.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const d = this.diagnostics.get(uri);
      if (d && d.version >= version) return d.list;
      if (Date.now() > deadline)
        throw new Error(`no diagnostics for ${uri} within 20 s; stderr: ${this.stderr}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async completion(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const r = (await this.request('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    })) as { items: CompletionItem[] } | CompletionItem[] | null;
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  async hover(uri: string, line: number, character: number): Promise<string> {
    const r = (await this.request('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    })) as { contents: string | { value: string } | { value: string }[] } | null;
    if (!r) return '';
    const c = r.contents;
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
    return c.value;
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } finally {
      await new Promise<void>((r) => {
        if (this.proc.exitCode !== null) return r();
        const t = setTimeout(() => {
          this.proc.kill();
          r();
        }, 3000);
        this.proc.on('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  private send(msg: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString());
      if (!m) throw new Error('LSP message without Content-Length');
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private onMessage(msg: Record<string, unknown>): void {
    if (typeof msg.id === 'number' && !('method' in msg)) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(JSON.stringify(msg.error)));
      else p.resolve(msg.result);
      return;
    }
    if ('id' in msg && typeof msg.method === 'string') {
      // Requests from the server: the server pulls its settings by section, as editors
      // answer; anything else (registrations, progress) is acknowledged.
      const result =
        msg.method === 'workspace/configuration'
          ? (msg.params as { items: { section?: string }[] }).items.map(
              (i) => this.settings[i.section ?? ''] ?? null,
            )
          : null;
      this.send({ id: msg.id, result });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      const p = msg.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      const version = p.version ?? this.versions.get(p.uri) ?? 0;
      this.diagnostics.set(p.uri, { version, list: p.diagnostics });
      for (const w of this.waiters.splice(0)) w();
    }
  }
}
