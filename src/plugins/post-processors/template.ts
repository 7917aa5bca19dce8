/** `{{.Name}}` placeholders in output paths (Packer's template syntax for these settings). */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, k: string) => vars[k] ?? m);
}
