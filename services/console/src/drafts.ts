// Form drafts in sessionStorage: a half-filled form survives a reload and a sign-in after the token expired.
import { useEffect, useState } from 'preact/hooks';

const key = (name: string) => `hub.draft.${name}`;

export function useDraft<T>(name: string, initial: T): [T, (next: T | ((previous: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    const raw = sessionStorage.getItem(key(name));
    return raw ? (JSON.parse(raw) as T) : initial;
  });
  useEffect(() => sessionStorage.setItem(key(name), JSON.stringify(value)), [name, value]);
  const clear = () => {
    sessionStorage.removeItem(key(name));
    setValue(initial);
  };
  return [value, setValue, clear];
}
