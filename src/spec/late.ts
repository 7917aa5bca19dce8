/**
 * `build.ID`, `build.Host`, `build.SourceAMI`, …: what a build learns only once its machine
 * runs (Packer's contextual build variables). Provisioners and post-processors are planned
 * before that, so such a reference plans as a marker in the text; the engine fills the marker
 * in with the build's value just before the step runs, or stops with an error that names the
 * fields the builder has.
 */
import { mapStrings, someString } from '../util/deep';

const OPEN = '\uE000build.';
const CLOSE = '\uE001';

/** A field name as Packer spells them: ID, SourceAMIName, PackerRunUUID, … */
export const LATE_FIELD = /^[A-Z][A-Za-z0-9]*$/;

/** The marker that stands for build.NAME until the build runs. */
export function lateField(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

const MARKER = /\uE000build\.([A-Za-z0-9]+)\uE001/g;

/** Whether a value holds any marker (so a step needs filling in). */
export function hasLateFields(v: unknown): boolean {
  return someString(v, (s) => s.includes(OPEN));
}

export class LateFieldError extends Error {
  constructor(
    readonly field: string,
    readonly known: string[],
  ) {
    super(`build.${field} is not known in this build`);
  }
}

/** A copy of `v` with every marker replaced by the build's value; a field it lacks throws. */
export function fillLateFields<T>(v: T, fields: Record<string, string>): T {
  return mapStrings(v, (s) =>
    s.includes(OPEN)
      ? s.replace(MARKER, (_m, name: string) => {
          if (!Object.prototype.hasOwnProperty.call(fields, name))
            throw new LateFieldError(name, Object.keys(fields).sort());
          return fields[name];
        })
      : s,
  );
}

/** A value with its markers written back as `build.NAME`, for plans and messages. */
export function showLateFields(text: string): string {
  return text.replace(MARKER, (_m, name: string) => '${build.' + name + '}');
}
