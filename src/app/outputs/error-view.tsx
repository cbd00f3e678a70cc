/** An error: its name and message, where in the cell it happened, and that line of the cell. */
import type { ErrorOutput } from '../../kernel/protocol';
import { useMessages } from '../i18n/messages';

export function ErrorView({ error }: { error: ErrorOutput }) {
  const m = useMessages();
  return (
    <div className="output output-error" role="alert">
      <div className="error-head">
        <span className="error-name">{error.name}</span>: {error.message}
      </div>
      {error.line !== null && (
        <div className="error-where">
          <span className="error-position">
            {m.outputs.errorLine(error.line)}
            {error.column !== null && m.outputs.errorColumn(error.column)}
          </span>
          {error.sourceLine !== null && (
            <pre className="error-source">
              {error.sourceLine}
              {error.column !== null && `\n${' '.repeat(Math.max(0, error.column - 1))}^`}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
