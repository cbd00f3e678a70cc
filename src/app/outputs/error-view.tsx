/**
 * An error: its name and message, where in the cell it happened, and that line of the cell. The
 * reader's own Stop (the kernel's KernelInterrupt, whose words are English) is said in the page's
 * language and quietly: nothing went wrong, and where it stopped is still shown.
 */
import type { ErrorOutput } from '../../kernel/protocol';
import { useMessages } from '../i18n/messages';

export function ErrorView({ error }: { error: ErrorOutput }) {
  const m = useMessages();
  const stopped = error.name === 'KernelInterrupt';
  return (
    <div className={stopped ? 'output output-error output-stopped' : 'output output-error'} role={stopped ? 'status' : 'alert'} data-error={error.name}>
      <div className="error-head">
        {stopped ? (
          m.outputs.stoppedByYou
        ) : (
          <>
            <span className="error-name">{error.name}</span>: {error.message}
          </>
        )}
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
              {error.column !== null && (
                <>
                  {'\n'}
                  {/* The caret under the column: the line's own text before it, hidden, so that wide
                      characters (Chinese in a string) and tabs push it as far as they do the line. */}
                  <span className="error-caret-pad" aria-hidden="true">
                    {error.sourceLine.slice(0, Math.max(0, error.column - 1)).padEnd(Math.max(0, error.column - 1))}
                  </span>
                  ^
                </>
              )}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
