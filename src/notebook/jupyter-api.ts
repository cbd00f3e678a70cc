/** A Jupyter MIME bundle: MIME type -> data (base64 for binary types). */
export type MimeBundle = Record<string, string>;

/** The part of `Deno.jupyter` the host uses (Deno defines it only inside its Jupyter kernel). */
export interface JupyterApi {
  display(bundle: MimeBundle, options: { raw: true; display_id?: string; update?: boolean }): Promise<void>;
}
