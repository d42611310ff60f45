// Time zone by city: type "London" (or pick "London · UK time") and the IANA zone is saved; shows what
// clients will read ("UK time"). A half-typed city is not an error; one that matches nothing is, on leaving.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allZones, cityOf, findZone, zoneName } from '../engine/zones';

export interface TimeZonePickerProps {
  /** IANA zone or "local". */
  value: string;
  onChange(zone: string): void;
  id?: string;
}

const LOCAL_LABEL = 'This computer’s time zone';

function shown(zone: string): string {
  return zone === 'local' ? LOCAL_LABEL : `${cityOf(zone)} · ${zoneName(zone)}`;
}

export function TimeZonePicker({ value, onChange, id = 'time-zone' }: TimeZonePickerProps) {
  const zones = useMemo(allZones, []);
  // ~400 options, each named through Intl: build them once, not on every keystroke.
  const options = useMemo(() => zones.map((z) => <option value={`${cityOf(z)} · ${zoneName(z)}`} key={z} />), [zones]);
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  // A change from elsewhere (import, reset) replaces what is shown.
  useEffect(() => {
    if (findZone(text === LOCAL_LABEL ? 'local' : text, zones) !== value) setText(shown(value));
  }, [value]);

  const resolve = (t: string) => (t.trim() === LOCAL_LABEL ? 'local' : findZone(t, zones));
  const current = resolve(text);
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div class="field tz-picker">
      <label class="field-label" for={id}>
        <span>Time zone (type your city)</span>
      </label>
      <input
        id={id}
        type="text"
        name="timeZone"
        list={listId}
        autocomplete="off"
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : `${id}-reads`}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          setText(t);
          setError(null);
          const zone = resolve(t);
          if (zone && zone !== value) onChange(zone);
        }}
        onBlur={() => {
          if (!text.trim()) return setText(shown(value));
          if (!current) setError(`No time zone found for “${text.trim()}”. Type a city, such as London or New York.`);
          else setText(shown(current));
        }}
      />
      <datalist id={listId}>
        <option value={LOCAL_LABEL} />
        {options}
      </datalist>
      {error ? (
        <p class="cl-error" id={errorId}>
          {error}
        </p>
      ) : (
        <p class="hint cl-muted" id={`${id}-reads`}>
          {current && current !== 'local' ? `Clients read: ${zoneName(current)}` : current === 'local' ? 'Times are not labelled with a zone.' : ' '}
        </p>
      )}
    </div>
  );
}
