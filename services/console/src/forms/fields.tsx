// A form generated from a contract's object schema: each field's input from its zod type (fields.ts reads it), its
// label from i18n/labels.ts, its error (Chinese) beside it. Every input has a label; everything works by keyboard.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type * as z from 'zod/mini';
import { labelOf, valueLabel } from '../i18n/labels.ts';
import type { Issues } from '../i18n/zod.ts';
import { kindOf, unwrap, type Raw } from './schema.ts';

export type Values = Record<string, Raw>;

const idOf = (path: string) => `f-${path.replaceAll('.', '-')}`;

export function FieldShell(props: { path: string; label: string; optional?: boolean; error?: string; hint?: string; children: ComponentChildren; inline?: boolean }) {
  const id = idOf(props.path);
  return (
    <div class={`field${props.inline ? ' inline' : ''}${props.error ? ' has-error' : ''}`}>
      {!props.inline && (
        <label for={id}>
          {props.label}
          {props.optional ? <span class="optional">（选填）</span> : <span class="required" aria-hidden="true">*</span>}
        </label>
      )}
      {props.children}
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && (
        <p class="error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export const describedBy = (path: string, error?: string, hint?: string) =>
  [error ? `${idOf(path)}-error` : '', hint ? `${idOf(path)}-hint` : ''].filter(Boolean).join(' ') || undefined;

interface FieldProps {
  name: string;
  /** Dotted path from the form's root, for ids and errors. */
  path: string;
  schema: z.core.$ZodType;
  value: Raw;
  onChange: (value: Raw) => void;
  issues: Issues;
  label?: string;
  hint?: string;
  /** Choices shown with these labels instead of the value names (e.g. counties). */
  optionLabels?: Record<string, string>;
}

export function Field(p: FieldProps) {
  const natural = kindOf(p.schema);
  // A code or number picked from a known list (counties, grades) is a choice, whatever its type.
  const k = p.optionLabels && (natural.kind === 'text' || natural.kind === 'number') ? { kind: 'choice' as const, options: Object.keys(p.optionLabels) } : natural;
  const { optional } = unwrap(p.schema);
  const label = p.label ?? labelOf(p.name);
  const error = p.issues[p.path];
  const id = idOf(p.path);
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(p.path, error, p.hint) };
  switch (k.kind) {
    case 'boolean':
      return (
        <FieldShell path={p.path} label={label} error={error} hint={p.hint} inline>
          <label class="check" for={id}>
            <input id={id} type="checkbox" checked={p.value === true} onChange={(e) => p.onChange(e.currentTarget.checked)} {...aria} />
            {label}
          </label>
        </FieldShell>
      );
    case 'choice':
      return (
        <FieldShell path={p.path} label={label} optional={optional} error={error} hint={p.hint}>
          <select id={id} value={String(p.value ?? '')} onChange={(e) => p.onChange(e.currentTarget.value)} {...aria}>
            <option value="">请选择</option>
            {k.options.map((o) => (
              <option value={o}>{p.optionLabels?.[o] ?? valueLabel(o)}</option>
            ))}
          </select>
        </FieldShell>
      );
    case 'choices': {
      const chosen = Array.isArray(p.value) ? (p.value as string[]) : [];
      return (
        <fieldset class={`field choices${error ? ' has-error' : ''}`} aria-describedby={describedBy(p.path, error)}>
          <legend>
            {label}
            {optional && <span class="optional">（选填）</span>}
          </legend>
          {k.options.map((o) => (
            <label class="check">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => p.onChange(e.currentTarget.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
              />
              {valueLabel(o)}
            </label>
          ))}
          {error && <p class="error" id={`${id}-error`} role="alert">{error}</p>}
        </fieldset>
      );
    }
    case 'list': {
      const items = Array.isArray(p.value) ? (p.value as Values[]) : [];
      const set = (i: number, v: Values) => p.onChange(items.map((x, j) => (j === i ? v : x)));
      return (
        <fieldset class={`field list${error ? ' has-error' : ''}`}>
          <legend>
            {label}
            {optional && <span class="optional">（选填）</span>}
          </legend>
          {items.map((item, i) => (
            <div class="list-item">
              <ObjectFields shape={k.item.shape} values={item} onChange={(v) => set(i, v)} issues={p.issues} path={`${p.path}.${i}`} />
              <button type="button" class="link" onClick={() => p.onChange(items.filter((_, j) => j !== i))}>
                删除第{i + 1}项
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => p.onChange([...items, {}])}>
            添加一项
          </button>
          {error && <p class="error" id={`${id}-error`} role="alert">{error}</p>}
        </fieldset>
      );
    }
    case 'group':
      return (
        <fieldset class="field group">
          <legend>
            {label}
            {optional && <span class="optional">（选填）</span>}
          </legend>
          <ObjectFields shape={k.shape} values={(p.value as Values) ?? {}} onChange={p.onChange} issues={p.issues} path={p.path} />
        </fieldset>
      );
    case 'variants': {
      const values = (p.value as Values) ?? {};
      const chosen = k.options.find((o) => o.value === values[k.key]);
      return (
        <div class="variants">
          <FieldShell path={`${p.path ? `${p.path}.` : ''}${k.key}`} label={labelOf(k.key)} error={p.issues[k.key]}>
            <select id={idOf(`${p.path ? `${p.path}.` : ''}${k.key}`)} value={String(values[k.key] ?? '')} onChange={(e) => p.onChange({ ...values, [k.key]: e.currentTarget.value })}>
              <option value="">请选择</option>
              {k.options.map((o) => (
                <option value={o.value}>{valueLabel(o.value)}</option>
              ))}
            </select>
          </FieldShell>
          {chosen && (
            <ObjectFields
              shape={Object.fromEntries(Object.entries(chosen.shape).filter(([n]) => n !== k.key))}
              values={values}
              onChange={p.onChange}
              issues={p.issues}
              path={p.path}
            />
          )}
        </div>
      );
    }
    default: {
      const common = {
        id,
        value: String(p.value ?? ''),
        onInput: (e: Event) => p.onChange((e.currentTarget as HTMLInputElement).value),
        ...aria,
      };
      return (
        <FieldShell path={p.path} label={label} optional={optional} error={error} hint={p.hint}>
          {k.kind === 'text' && k.long ? (
            <textarea rows={3} {...common} />
          ) : k.kind === 'date' ? (
            <input type="date" {...common} />
          ) : k.kind === 'number' ? (
            <input type="number" inputMode="numeric" {...common} />
          ) : (
            <input type="text" {...common} />
          )}
        </FieldShell>
      );
    }
  }
}

/** Every field of an object schema, in the contract's order. */
export function ObjectFields(p: { shape: Readonly<Record<string, z.core.$ZodType>>; values: Values; onChange: (v: Values) => void; issues: Issues; path?: string; only?: string[] }) {
  const names = p.only ?? Object.keys(p.shape);
  // Two changes can arrive before the next render (a fast typist, autofill, a test driver): each builds on the
  // last one's values, not on the props of the render before both, or the first change is lost.
  const latest = useRef(p.values);
  latest.current = p.values;
  const change = (name: string, v: Raw) => {
    latest.current = { ...latest.current, [name]: v };
    p.onChange(latest.current);
  };
  return (
    <>
      {names.map((name) => {
        const schema = p.shape[name];
        if (!schema) return null;
        const path = p.path ? `${p.path}.${name}` : name;
        return <Field name={name} path={path} schema={schema} value={p.values[name]} onChange={(v) => change(name, v)} issues={p.issues} />;
      })}
    </>
  );
}

/** A form's initial values: required yes/no fields start as 否, so that leaving them is an answer. */
export function initialValues(shape: Readonly<Record<string, z.core.$ZodType>>): Values {
  return Object.fromEntries(
    Object.entries(shape).flatMap(([name, s]) => (kindOf(s).kind === 'boolean' && !unwrap(s).optional ? [[name, false]] : [])),
  );
}
