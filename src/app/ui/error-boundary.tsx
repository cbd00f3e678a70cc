/**
 * Keeps a failure where it happened: an output, a cell or the status bar that throws while
 * rendering shows a short error in its place, and the rest of the page stays. What a cell made
 * can be anything, so the error's text is made safe (a thrown value whose toString throws).
 */
import { Component, type ReactNode } from 'react';
import { safeString } from '../../kernel/page/message-validator';
import { messagesFor } from '../i18n/messages';
import { UiLangContext } from '../i18n/ui-lang';
import type { BookLang } from '../../content/book-lang';

interface Props {
  /** What failed, for the reader: "This output", "This cell", "The status bar". */
  what: string;
  children: ReactNode;
  /** Shown inline (a span) where a block would break the layout, e.g. in the status bar. */
  inline?: boolean;
  /** When this changes (a new run, a new status), the children get another chance. */
  resetKey?: unknown;
}

interface State {
  error: string | null;
}

/** The message of anything thrown, never throwing itself. */
export function describeThrown(e: unknown): string {
  let message: unknown;
  try {
    message = e instanceof Error ? e.message : e;
  } catch {
    message = undefined;
  }
  return safeString(message).slice(0, 500);
}

export class ErrorBoundary extends Component<Props, State> {
  static override contextType = UiLangContext;
  declare context: BookLang;
  override state: State = { error: null };

  static getDerivedStateFromError(e: unknown): State {
    return { error: describeThrown(e) };
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error !== null && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(e: unknown): void {
    console.error(`${this.props.what} could not be shown:`, describeThrown(e));
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const text = messagesFor(this.context).boundary.couldNotShow(this.props.what, this.state.error);
    return this.props.inline ? (
      <span className="render-error" role="alert" data-render-error>
        {text}
      </span>
    ) : (
      <div className="render-error" role="alert" data-render-error>
        {text}
      </div>
    );
  }
}
