/**
 * The controls a cell created with d2l.controls: sliders and selects with their values, a "Run
 * again" button, and under them the outputs of the latest run of the cell's callback. Moving a
 * control sends the new values to the kernel after a short pause (DEBOUNCE_MS), so dragging a
 * slider runs the callback a few times, not once per pixel; the kernel runs the newest values.
 * Native range inputs and selects: the keyboard (arrows, Page Up/Down, Home/End) and touch work
 * as everywhere else. Without a channel (recorded outputs) the values are shown as text.
 */
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import type { CellOutput, ControlSpec, ControlsOutput, ControlValue, SliderControl } from '../../kernel/protocol';
import { useControlsChannel } from './controls-channel';
import { ErrorBoundary } from '../ui/error-boundary';
import { useMessages } from '../i18n/messages';

export const DEBOUNCE_MS = 150;

/** Positions of a log slider per decade... in total: the input moves over log10 of the value. */
const LOG_POSITIONS = 100;

/** A number as a reader reads it: up to 4 significant digits, no float noise. */
export function formatControlValue(v: ControlValue): string {
  if (typeof v === 'string') return v;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

function sliderPosition(c: SliderControl, v: number): number {
  return c.log ? Math.log10(v) : v;
}

function sliderValue(c: SliderControl, position: number): number {
  if (!c.log) return position;
  return Number((10 ** position).toPrecision(3));
}

function ControlInput({ control, value, disabled, onChange }: { control: ControlSpec; value: ControlValue; disabled: boolean; onChange: (v: ControlValue) => void }) {
  const id = useId();
  const shown = formatControlValue(value);
  if (control.kind === 'select') {
    return (
      <div className="control control-select">
        <label htmlFor={id}>{control.name}</label>
        <select id={id} value={String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value)} data-control={control.name}>
          {control.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const lo = sliderPosition(control, control.min);
  const hi = sliderPosition(control, control.max);
  const step = control.log ? (hi - lo) / LOG_POSITIONS : control.step;
  return (
    <div className="control control-slider">
      <label htmlFor={id}>{control.name}</label>
      <input
        id={id}
        type="range"
        min={lo}
        max={hi}
        step={step}
        value={sliderPosition(control, value as number)}
        disabled={disabled}
        aria-valuetext={shown}
        data-control={control.name}
        onChange={(e) => onChange(sliderValue(control, Number(e.target.value)))}
      />
      <output htmlFor={id} className="control-value">
        {shown}
      </output>
    </div>
  );
}

export function ControlsView({ controls, OutputView }: { controls: ControlsOutput; OutputView: ComponentType<{ output: CellOutput }> }) {
  const channel = useControlsChannel();
  const m = useMessages();
  const [values, setValues] = useState<ControlValue[]>(controls.values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // New controls (the cell ran again) start from the values the kernel used.
  useEffect(() => setValues(controls.values), [controls.controlsId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const send = (next: ControlValue[], now: boolean) => {
    if (!channel) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (now) channel.change(controls.controlsId, next);
    else timer.current = setTimeout(() => channel.change(controls.controlsId, next), DEBOUNCE_MS);
  };
  const running = controls.state === 'running';
  const status = running ? m.controls.running : controls.state === 'error' ? m.controls.failed : controls.state === 'stopped' ? m.controls.stopped : '';

  return (
    <div className="output output-controls" data-controls-id={controls.controlsId} data-state={controls.state}>
      {channel ? (
        <div className="controls-bar" role="group" aria-label={m.controls.label}>
          {controls.controls.map((c, i) => (
            <ControlInput
              key={c.name}
              control={c}
              value={values[i] ?? controls.values[i]!}
              disabled={false}
              onChange={(v) => {
                const next = values.slice();
                next[i] = v;
                setValues(next);
                send(next, false);
              }}
            />
          ))}
          <div className="controls-actions">
            <button type="button" className="btn btn-small" data-action="controls-run" onClick={() => send(values, true)} title={m.controls.runAgainTooltip}>
              {m.controls.runAgain}
            </button>
            {running && (
              <button type="button" className="btn btn-small btn-quiet" data-action="controls-stop" onClick={() => channel.stop()} title={m.controls.stopTooltip}>
                {m.controls.stop}
              </button>
            )}
            <span className="controls-status" aria-live="polite">
              {status}
            </span>
          </div>
        </div>
      ) : (
        <p className="controls-static" title={m.controls.staticTooltip}>
          {controls.controls.map((c, i) => (
            <span key={c.name} className="controls-static-value">
              {c.name} = {formatControlValue(controls.values[i]!)}
            </span>
          ))}
        </p>
      )}
      <div className={`controls-outputs${running ? ' controls-outputs-running' : ''}`}>
        {controls.outputs.map((o, i) => (
          // By position: a re-run's chart redraws the chart in place instead of mounting a new one.
          // One bad output shows an error in its place; the controls and the other outputs stay.
          <ErrorBoundary key={`${i}:${o.kind}`} what="This output" resetKey={o}>
            <OutputView output={o} />
          </ErrorBoundary>
        ))}
      </div>
    </div>
  );
}
